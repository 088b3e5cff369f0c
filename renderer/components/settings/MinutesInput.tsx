import { FieldError, invalidProps } from './FieldError';
import { describeMinutes, parseOptionalNumber } from './minutes';

interface Props {
  path: string;
  label: string;
  testId: string;
  value: string;
  error: string | undefined;
  /** "every" or "within": how the number reads in words. */
  reads: string;
  /** What an empty box means here. */
  noneText: string;
  onChange: (text: string) => void;
}

/** Minutes as typed; empty is "none". Under it, what the number means in words. */
export function MinutesInput({ path, label, testId, value, error, reads, noneText, onChange }: Props) {
  const parsed = parseOptionalNumber(value);
  const meaning = !parsed.ok ? '' : parsed.value === null ? noneText : parsed.value > 0 ? `${reads} ${describeMinutes(parsed.value)}` : '';
  return (
    <div className="minutes">
      <span className="input-with-unit">
        <input
          className="input input-number"
          inputMode="decimal"
          placeholder="none"
          aria-label={label}
          data-testid={testId}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...invalidProps(path, error)}
        />
        <span className="unit">min</span>
      </span>
      {error ? <FieldError path={path} message={error} /> : <span className="minutes-meaning">{meaning}</span>}
    </div>
  );
}
