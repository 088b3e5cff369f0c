import { useState } from 'react';
import { triageQueue } from '../../lib/triage';
import { useIncidentList } from '../../store/incident-list-store';
import { useOpenIncident } from '../../store/open-incident-store';
import { useRoute } from '../../store/route-store';
import { AttachDialog } from '../war-room/dialogs/AttachDialog';
import { DismissDialog } from '../war-room/dialogs/DismissDialog';
import { TriageItem } from './TriageItem';
import '../war-room/dialogs.css';
import './Triage.css';

type Decision = { kind: 'attach' | 'dismiss'; id: string; title: string };

/**
 * Detections from monitoring (and the on-call) waiting for a person: oldest first, each with its
 * three answers. Absent when nothing waits: an empty queue is no news.
 */
export function TriageQueue() {
  const items = useIncidentList((s) => s.items);
  const selectedId = useOpenIncident((s) => s.incidentId);
  const view = useRoute((s) => s.view);
  const [decision, setDecision] = useState<Decision | null>(null);
  const queue = triageQueue(items);
  if (queue.length === 0 && decision === null) return null;

  return (
    <section className="triage" aria-labelledby="triage-title" data-testid="triage-queue">
      {queue.length > 0 && (
        <>
          <h2 className="rail-section triage-title" id="triage-title" data-testid="triage-title">
            Waiting for triage ({queue.length})
          </h2>
          <ul className="triage-list">
            {queue.map((item) => (
              <TriageItem
                key={item.id}
                item={item}
                selected={item.id === selectedId && view === 'war-room'}
                onAttach={() => setDecision({ kind: 'attach', id: item.id, title: item.title })}
                onDismiss={() => setDecision({ kind: 'dismiss', id: item.id, title: item.title })}
              />
            ))}
          </ul>
        </>
      )}
      {decision?.kind === 'attach' && <AttachDialog detection={decision} onClose={() => setDecision(null)} />}
      {decision?.kind === 'dismiss' && <DismissDialog incident={decision} onClose={() => setDecision(null)} />}
    </section>
  );
}
