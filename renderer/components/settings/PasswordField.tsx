import { FieldError, invalidProps } from './FieldError';
import type { PasswordChoice } from './sync-form';

interface Props {
  /** Whether a password is kept now (in the keychain or the private file). */
  hasPassword: boolean;
  choice: PasswordChoice;
  error: string | undefined;
  disabled: boolean;
  onChange: (choice: PasswordChoice) => void;
  /** What the secret is called (`Password`, `Token`); Team sync's password unless given. */
  label?: string;
  /** Prefix of the test ids and element ids, and the error's path. */
  name?: string;
  path?: string;
}

/** Write-only: a saved password is never shown, only replaced or forgotten. */
export function PasswordField({ hasPassword, choice, error, disabled, onChange, label = 'Password', name = 'sync-password', path = 'password' }: Props) {
  const noun = label.toLowerCase();
  let body;
  if (choice.kind === 'new') {
    body = (
      <span className="password-row">
        <input
          type="password"
          className="input password-input"
          data-testid={name}
          aria-label={`New ${noun}`}
          autoComplete="new-password"
          autoFocus
          value={choice.value}
          disabled={disabled}
          onChange={(e) => onChange({ kind: 'new', value: e.target.value })}
          {...invalidProps(path, error)}
        />
        <button type="button" className="btn btn-small btn-quiet" disabled={disabled} onClick={() => onChange({ kind: 'keep' })}>
          Cancel
        </button>
      </span>
    );
  } else if (choice.kind === 'forget') {
    body = (
      <span className="password-row">
        <span className="password-state is-forget" data-testid={`${name}-state`}>
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
        <span className={`password-state${hasPassword ? ' is-saved' : ''}`} data-testid={`${name}-state`}>
          {hasPassword ? '●●●●●●●● saved' : 'None saved'}
        </span>
        <button type="button" className="btn btn-small" data-testid={`${name}-change`} disabled={disabled} onClick={() => onChange({ kind: 'new', value: '' })}>
          {hasPassword ? 'Change' : `Set ${noun}`}
        </button>
        {hasPassword && (
          <button type="button" className="btn btn-small btn-quiet" data-testid={`${name}-forget`} disabled={disabled} onClick={() => onChange({ kind: 'forget' })}>
            Forget
          </button>
        )}
      </span>
    );
  }
  return (
    <div className="field" role="group" aria-labelledby={`${name}-label`}>
      <span className="field-label" id={`${name}-label`}>
        {label}
      </span>
      {body}
      <FieldError path={path} message={error} />
    </div>
  );
}
