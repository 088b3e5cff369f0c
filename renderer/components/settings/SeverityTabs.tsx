import { useRef, type KeyboardEvent } from 'react';
import { SEVERITIES, type Severity } from '../../../shared/domain/incident';

interface Props {
  value: Severity;
  /** Count shown on each tab (the items in its list). */
  counts: Record<Severity, number>;
  modified: Record<Severity, boolean>;
  failed: Record<Severity, boolean>;
  onChange: (severity: Severity) => void;
  /** Ties the tabs to the panel they switch. */
  panelId: string;
}

/** One tab per severity; arrow keys move between them. */
export function SeverityTabs({ value, counts, modified, failed, onChange, panelId }: Props) {
  const refs = useRef<Partial<Record<Severity, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = SEVERITIES[(SEVERITIES.indexOf(value) + step + SEVERITIES.length) % SEVERITIES.length]!;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="kind-tabs" role="tablist" aria-label="Severity" onKeyDown={onKeyDown}>
      {SEVERITIES.map((sev) => (
        <button
          key={sev}
          ref={(el) => {
            refs.current[sev] = el;
          }}
          type="button"
          role="tab"
          id={`${panelId}-tab-${sev}`}
          aria-selected={sev === value}
          aria-controls={panelId}
          tabIndex={sev === value ? 0 : -1}
          className="kind-tab"
          data-testid={`checklist-tab-${sev}`}
          onClick={() => onChange(sev)}
        >
          {sev}
          <span className="tab-count">{counts[sev]}</span>
          {failed[sev] ? (
            <span className="dot dot-error" title="Not saved: see the marked items" aria-label="not saved" />
          ) : (
            modified[sev] && <span className="dot dot-dirty" title="Unsaved changes" aria-label="unsaved changes" />
          )}
        </button>
      ))}
    </div>
  );
}
