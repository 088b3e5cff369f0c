import { FieldError, invalidProps } from './FieldError';

/** A labelled address (a database URL, an Alertmanager's): monospace, never spell-checked or autofilled. */
export function AddressField(props: {
  label: string;
  testId: string;
  value: string;
  placeholder: string;
  disabled: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <input
        className="input input-mono"
        data-testid={props.testId}
        value={props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
        {...invalidProps('url', props.error)}
      />
      <FieldError path="url" message={props.error} />
    </label>
  );
}
