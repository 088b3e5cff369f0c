import type { IncidentView } from '../../../shared/contract/contract';
import { ROLE_KEYS, ROLE_LABELS, type RoleKey } from '../../../shared/domain/incident';
import { peopleOnIncident } from '../../../shared/domain/people';
import { formatElapsedShort, formatUtc } from '../../lib/time';
import { openDialog } from '../../store/war-room-store';

interface Props {
  incident: IncidentView;
  now: number;
  required: RoleKey[];
  /** Names past the shift limit. */
  longShift: Set<string>;
}

/** Who holds each role, for how long, and the moves: assign, hand off with a briefing, release. */
export function RolesPanel({ incident, now, required, longShift }: Props) {
  const open = incident.status !== 'closed';
  const time = new Map(peopleOnIncident(incident, now).map((p) => [p.name.trim().toLowerCase(), p.onIncidentMs]));
  return (
    <section className="side-section" aria-label="Roles">
      <h2 className="panel-title">Roles</h2>
      <ul className="roles">
        {ROLE_KEYS.map((role) => {
          const holder = incident.roles[role];
          const needed = !holder && required.includes(role);
          const onIncident = holder ? time.get(holder.name.trim().toLowerCase()) : undefined;
          const tired = holder ? longShift.has(holder.name.trim()) : false;
          return (
            <li key={role} className={`role${holder ? '' : ' is-empty'}${needed ? ' is-needed' : ''}`} data-testid={`role-${role}`}>
              <div className="role-who">
                <span className="role-label">{ROLE_LABELS[role]}</span>
                {holder ? (
                  <>
                    <span className="role-name" data-testid="role-holder">
                      {holder.name}
                    </span>
                    <span className="role-detail">
                      {holder.contact && <span className="role-contact">{holder.contact}</span>}
                      <span className={`role-time${tired ? ' is-long' : ''}`} title={`In role since ${formatUtc(holder.since)}`}>
                        {onIncident === undefined ? '' : `${formatElapsedShort(onIncident)} on incident`}
                      </span>
                    </span>
                  </>
                ) : (
                  <span className="role-name role-vacant">{needed ? 'Empty — required' : 'Empty'}</span>
                )}
              </div>
              <div className="role-actions">
                {holder ? (
                  <>
                    <button type="button" className="btn btn-sm" data-testid="handoff-button" disabled={!open} onClick={() => openDialog({ kind: 'handoff', role })}>
                      Hand off
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-quiet btn-icon"
                      data-testid="release-button"
                      aria-label={`Release ${ROLE_LABELS[role]}`}
                      title="Release (leave the role empty)"
                      onClick={() => openDialog({ kind: 'release', role })}
                    >
                      ✕
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className={`btn btn-sm${needed ? ' btn-primary' : ''}`}
                    data-testid="assign-button"
                    disabled={!open}
                    onClick={() => openDialog({ kind: 'assign', role })}
                  >
                    Assign
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
