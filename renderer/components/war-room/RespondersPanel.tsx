import type { IncidentView } from '../../../shared/contract/contract';
import { api } from '../../api';
import { formatElapsedShort } from '../../lib/time';
import { openDialog, showNotice } from '../../store/war-room-store';

async function leave(incidentId: string, responderId: string) {
  const result = await api.call('responder.remove', { incidentId, responderId });
  showNotice(result.ok ? null : result.error.message);
}

/** Subject-matter experts and other responders still on the incident. */
export function RespondersPanel({ incident, now }: { incident: IncidentView; now: number }) {
  const present = incident.responders.filter((r) => r.leftAt === null);
  const left = incident.responders.length - present.length;
  return (
    <section className="side-section" aria-label="Responders">
      <div className="side-head">
        <h2 className="panel-title">
          Responders &amp; SMEs {present.length > 0 && <span className="panel-count">{present.length}</span>}
        </h2>
        <button type="button" className="btn btn-sm" data-testid="add-responder" disabled={incident.status === 'closed'} onClick={() => openDialog({ kind: 'responder' })}>
          + Add
        </button>
      </div>
      {present.length === 0 ? (
        <p className="side-empty">Nobody besides the role holders.</p>
      ) : (
        <ul className="responders">
          {present.map((r) => (
            <li key={r.id} className="responder" data-testid="responder">
              <div className="role-who">
                <span className="role-name">{r.name}</span>
                <span className="role-detail">
                  {r.expertise && <span className="responder-expertise">{r.expertise}</span>}
                  {r.contact && <span className="role-contact">{r.contact}</span>}
                  <span className="role-time">{formatElapsedShort(now - r.joinedAt)}</span>
                </span>
              </div>
              <button
                type="button"
                className="btn btn-sm btn-quiet"
                data-testid="responder-leave"
                title="Record that they left the response"
                onClick={() => void leave(incident.id, r.id)}
              >
                Left
              </button>
            </li>
          ))}
        </ul>
      )}
      {left > 0 && <p className="side-note">{left} left the response earlier.</p>}
    </section>
  );
}
