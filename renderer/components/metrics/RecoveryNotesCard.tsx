import { ChartCard } from './ChartCard';
import { IncidentLink } from './IncidentLinkLists';
import { PRIVATE_CSV } from './responder-words';

export interface RecoveryNote {
  incidentId: string;
  title: string;
  notes: string[];
}

/** After each SEV1/SEV2 closes, one line per person who was on it: the rest to plan. */
export function RecoveryNotesCard({ recovery }: { recovery: RecoveryNote[] }) {
  return (
    <ChartCard
      id="responder-recovery"
      title="Recovery after SEV1 and SEV2"
      subtitle="Review starts with responder recovery: plan rest before the post-mortem"
      className="mx-card-wide"
      table={{ header: ['Incident', 'Title', 'Note'], rows: recovery.flatMap((r) => r.notes.map((n) => [r.incidentId, r.title, n])) }}
      empty="No SEV1 or SEV2 closed in this period."
      csvLabel={PRIVATE_CSV}
      list={
        <ul className="mx-list" data-testid="recovery-notes">
          {recovery.map((r) => (
            <li key={r.incidentId} className="mx-list-item" data-testid="recovery-incident">
              <span className="mx-list-main">
                <IncidentLink id={r.incidentId} view="postmortem">
                  {r.incidentId} · {r.title}
                </IncidentLink>
                {r.notes.map((n) => (
                  <span key={n} className="rt-note" data-testid="recovery-note">
                    {n}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      }
    />
  );
}
