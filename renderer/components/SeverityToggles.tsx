import { SEVERITIES, type Severity } from '../../shared/domain/incident';

/** One pressed-or-not button per severity, for filters (the list's and the metrics'). */
export function SeverityToggles({ selected, onToggle, testIdPrefix, className = '' }: { selected: readonly Severity[]; onToggle: (s: Severity) => void; testIdPrefix: string; className?: string }) {
  return (
    <div className={`list-sev${className ? ` ${className}` : ''}`} role="group" aria-label="Severity">
      {SEVERITIES.map((s) => {
        const on = selected.includes(s);
        return (
          <button
            key={s}
            type="button"
            aria-pressed={on}
            className={`list-sev-btn sev-toggle-${s.toLowerCase()}${on ? ' is-on' : ''}`}
            data-testid={`${testIdPrefix}-${s}`}
            onClick={() => onToggle(s)}
          >
            {s}
          </button>
        );
      })}
    </div>
  );
}
