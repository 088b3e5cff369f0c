import { FieldError, invalidProps } from './FieldError';
import type { PasswordChoice } from './sync-form';

interface Props {
  /** Whether a password is kept now (in the keychain or the private file). */
  hasPassword: boolean;
  choice: PasswordChoice;
  error: string | undefined;
  disabled: boolean;
  onChange: (choice: PasswordChoice) => void;
}

/** Write-only: a saved password is never shown, only replaced or forgotten. */
export function PasswordField({ hasPassword, choice, error, disabled, onChange }: Props) {
  let body;
  if (choice.kind === 'new') {
    body = (
      <span className="password-row">
        <input
          type="password"
          className="input password-input"
          data-testid="sync-password"
          aria-label="New password"
          autoComplete="new-password"
          autoFocus
          value={choice.value}
          disabled={disabled}
          onChange={(e) => onChange({ kind: 'new', value: e.target.value })}
          {...invalidProps('password', error)}
        />
        <button type="button" className="btn btn-small btn-quiet" disabled={disabled} onClick={() => onChange({ kind: 'keep' })}>
          Cancel
        </button>
      </span>
    );
  } else if (choice.kind === 'forget') {
    body = (
      <span className="password-row">
        <span className="password-state is-forget" data-testid="sync-password-state">
          Forgotten when you save
        </span>
        <button type="button" className="btn btn-small btn-quiet" disabled={disabled} onClick={() => onChange({ kind: 'keep' })}>
          Undo
        </button>
      </span>
    );
  } else {
    body = (
      <span className="password-row">
        <span className={`password-state${hasPassword ? ' is-saved' : ''}`} data-testid="sync-password-state">
          {hasPassword ? '●●●●●●●● saved' : 'None saved'}
        </span>
        <button type="button" className="btn btn-small" data-testid="sync-password-change" disabled={disabled} onClick={() => onChange({ kind: 'new', value: '' })}>
          {hasPassword ? 'Change' : 'Set password'}
        </button>
        {hasPassword && (
          <button type="button" className="btn btn-small btn-quiet" data-testid="sync-password-forget" disabled={disabled} onClick={() => onChange({ kind: 'forget' })}>
            Forget
          </button>
        )}
      </span>
    );
  }
  return (
    <div className="field" role="group" aria-labelledby="sync-password-label">
      <span className="field-label" id="sync-password-label">
        Password
      </span>
      {body}
      <FieldError path="password" message={error} />
    </div>
  );
}
