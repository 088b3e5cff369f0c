/** "Back to you in N min": the check-in as the owner says it. */
export type CheckInChoice = { kind: 'keep' } | { kind: 'none' } | { kind: 'in'; minutes: number };

const QUICK = [5, 10, 15, 30];

interface Props {
  value: CheckInChoice;
  onChange: (value: CheckInChoice) => void;
  /** Offer "keep as is" (when updating a workstream that has one). */
  keepLabel?: string | null;
}

export function CheckInPicker({ value, onChange, keepLabel = null }: Props) {
  const minutes = value.kind === 'in' ? value.minutes : null;
  const custom = minutes !== null && !QUICK.includes(minutes);
  return (
    <fieldset className="choice-group">
      <legend className="field-label">Back to you in</legend>
      <div className="quick-picks" role="group" aria-label="Check-in">
        {keepLabel !== null && (
          <button type="button" className={`pick${value.kind === 'keep' ? ' is-on' : ''}`} aria-pressed={value.kind === 'keep'} onClick={() => onChange({ kind: 'keep' })}>
            {keepLabel}
          </button>
        )}
        {QUICK.map((m) => (
          <button
            key={m}
            type="button"
            className={`pick${minutes === m ? ' is-on' : ''}`}
            aria-pressed={minutes === m}
            data-testid={`checkin-${m}`}
            onClick={() => onChange({ kind: 'in', minutes: m })}
          >
            {m} min
          </button>
        ))}
        <label className={`pick pick-custom${custom ? ' is-on' : ''}`}>
          <input
            type="number"
            min={1}
            max={1440}
            className="pick-minutes"
            aria-label="Minutes"
            data-testid="checkin-custom"
            value={custom ? minutes : ''}
            placeholder="…"
            onChange={(e) => {
              const n = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(n) && n > 0) onChange({ kind: 'in', minutes: n });
            }}
          />
          min
        </label>
        <button type="button" className={`pick${value.kind === 'none' ? ' is-on' : ''}`} aria-pressed={value.kind === 'none'} onClick={() => onChange({ kind: 'none' })}>
          No check-in
        </button>
      </div>
    </fieldset>
  );
}

/** The `checkInAt` a choice means, or undefined to leave it unchanged. */
export function checkInAt(choice: CheckInChoice, now = Date.now()): number | null | undefined {
  if (choice.kind === 'keep') return undefined;
  if (choice.kind === 'none') return null;
  return Math.round(now + choice.minutes * 60_000);
}
