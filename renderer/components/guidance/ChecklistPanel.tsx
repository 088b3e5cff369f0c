import { useEffect, useRef, useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { checklistProgress } from '../../../shared/guidance/checklists';
import { api } from '../../api';
import { useWarRoomSettings } from '../../store/settings-snapshot';
import { ChecklistItemRow } from './ChecklistItemRow';
import { setChecklistExpanded, useChecklistPanel } from './checklist-store';
import './guidance.css';

/** The response checklist for the incident's severity, from Settings; a tick is logged on the timeline. */
export function ChecklistPanel({ incident }: { incident: IncidentView }) {
  const settings = useWarRoomSettings();
  const expanded = useChecklistPanel((s) => s.expanded);
  const focusRequest = useChecklistPanel((s) => s.focusRequest);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const items = settings.checklists[incident.severity] ?? [];
  const progress = checklistProgress(incident, items);
  const done = progress.filter((p) => p.done).length;
  const closed = incident.status === 'closed';

  // A next step asked for the checklist: bring it into view and put focus on the first open item.
  useEffect(() => {
    if (focusRequest === 0) return;
    const section = sectionRef.current;
    section?.scrollIntoView({ block: 'nearest' });
    const first = section?.querySelector<HTMLInputElement>('.checklist-item:not(.is-done) input') ?? toggleRef.current;
    first?.focus();
  }, [focusRequest]);

  async function tick(item: string, to: boolean) {
    setBusy(item);
    const result = await api.call('checklist.tick', { incidentId: incident.id, item, done: to });
    setBusy(null);
    setError(result.ok ? null : result.error.message);
  }

  if (items.length === 0) return null;
  return (
    <section ref={sectionRef} className="side-section checklist" aria-labelledby="checklist-title" data-testid="checklist">
      <div className="side-head">
        <h2 className="panel-title" id="checklist-title">
          <button
            ref={toggleRef}
            type="button"
            className="checklist-toggle"
            aria-expanded={expanded}
            aria-controls="checklist-items"
            data-testid="checklist-toggle"
            onClick={() => setChecklistExpanded(!expanded)}
          >
            <span className="checklist-caret" aria-hidden="true">
              {expanded ? '▾' : '▸'}
            </span>
            {incident.severity} checklist
          </button>
        </h2>
        <span className="checklist-progress-text" data-testid="checklist-progress">
          {done} of {items.length}
        </span>
      </div>
      <progress className="checklist-meter" max={items.length} value={done} aria-label={`Checklist: ${done} of ${items.length} done`} />
      {expanded && (
        <ul className="checklist-items" id="checklist-items">
          {progress.map((p, i) => (
            <ChecklistItemRow key={p.item} index={i} progress={p} disabled={closed || busy === p.item} onTick={(to) => void tick(p.item, to)} />
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="checklist-error">
          {error}
        </p>
      )}
    </section>
  );
}
