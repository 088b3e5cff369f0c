/** A stable element id for the message beside a field, for `aria-describedby`. */
export function errorId(path: string): string {
  return `settings-error-${path.replace(/[^A-Za-z0-9_-]/g, '-') || 'form'}`;
}

interface Props {
  path: string;
  message: string | undefined;
}

/** The engine's own words about one field, beside it. */
export function FieldError({ path, message }: Props) {
  if (!message) return null;
  return (
    <p className="field-error" id={errorId(path)} role="alert" data-testid="field-error" data-path={path}>
      {message}
    </p>
  );
}

/** Props that tie an input to its message. */
export function invalidProps(path: string, message: string | undefined) {
  return message ? { 'aria-invalid': true as const, 'aria-describedby': errorId(path) } : {};
}
