import type { IncidentView } from '../../../shared/contract/contract';
import { checkInDueAt } from '../../../shared/domain/deadlines';
import { useIncidentNow } from '../../lib/incident-now';
import { openDialog, useWarRoom } from '../../store/war-room-store';
import { WorkstreamCard } from './WorkstreamCard';

const ORDER = { blocked: 0, active: 1, done: 2 };

/** Every parallel line of work; clicking one narrows the timeline to it. */
export function WorkstreamBoard({ incident }: { incident: IncidentView }) {
  const now = useIncidentNow(incident);
  const selectedId = useWarRoom((s) => s.filter.workstreamId);
  const open = incident.status !== 'closed';
  const streams = [...incident.workstreams].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.openedAt - b.openedAt);
  const doneCount = streams.filter((w) => w.status === 'done').length;
  return (
    <section className="ws-board" aria-label="Workstreams">
      <div className="ws-head">
        <h2 className="panel-title">
          Workstreams <span className="panel-count">{streams.length - doneCount}</span>
          {doneCount > 0 && <span className="panel-sub"> + {doneCount} done</span>}
        </h2>
        {streams.length > 0 && <span className="ws-hint">Click one to filter the timeline and log against it</span>}
        <button type="button" className="btn btn-sm" data-testid="open-workstream" disabled={!open} onClick={() => openDialog({ kind: 'workstream-open' })}>
          + Workstream
        </button>
      </div>
      {streams.length === 0 ? (
        <p className="side-empty ws-empty">No workstreams yet. Open one per parallel line of work, each with an owner and a check-in.</p>
      ) : (
        <ul className="ws-list">
          {streams.map((w) => (
            <WorkstreamCard key={w.id} incidentId={incident.id} workstream={w} checkInDue={checkInDueAt(incident, w)} now={now} selected={w.id === selectedId} missed={incident.missed} open={open} />
          ))}
        </ul>
      )}
    </section>
  );
}
