import { useMemo } from 'react';
import type { HistorySeries } from '../../../shared/drills/debrief-history';
import { formatScore, overallByDrill } from '../../lib/drill-history';
import { formatDay } from '../../lib/time';
import { useIncidentList } from '../../store/incident-list-store';
import { hashOf } from '../../store/route-store';
import { navigate } from '../../store/selection';

/** Every drill on this console, newest first, with its overall score and its debrief one click away. */
export function PastDrills({ teams }: { teams: HistorySeries[] }) {
  const items = useIncidentList((s) => s.items);
  const scores = useMemo(() => overallByDrill(teams), [teams]);
  const drills = items
    .filter((i) => i.drill)
    .map((item) => ({ item, score: scores.get(item.id) }))
    .sort((a, b) => (b.score?.startedAt ?? b.item.updatedAt) - (a.score?.startedAt ?? a.item.updatedAt));
  if (drills.length === 0) return <p className="empty-note">No drill yet. Choose a scenario above and start one: it takes 15 minutes at 2×.</p>;
  return (
    <ul className="drill-past" data-testid="past-drills">
      {drills.map(({ item, score }) => (
        <li key={item.id} className="drill-past-row" data-testid="past-drill" data-incident-id={item.id}>
          <span className="drill-past-score" title="Overall score: the mean of the five categories that applied">
            {formatScore(score?.overall ?? null)}
          </span>
          <span className="drill-past-what">
            <span className="drill-past-name">{item.drill!.scenario}</span>
            <span className="drill-past-meta">
              {formatDay(score?.startedAt ?? item.updatedAt)} · {score?.team ?? '—'} · run by {item.drill!.facilitator} · {item.drill!.ended ? 'ended' : 'in progress'}
            </span>
          </span>
          <a
            className="btn btn-small"
            href={hashOf({ view: 'debrief', incidentId: item.id })}
            data-testid="past-drill-debrief"
            onClick={(e) => {
              e.preventDefault();
              navigate({ view: 'debrief', incidentId: item.id });
            }}
          >
            Debrief
          </a>
          <a
            className="btn btn-small btn-quiet"
            href={hashOf({ view: 'war-room', incidentId: item.id })}
            onClick={(e) => {
              e.preventDefault();
              navigate({ view: 'war-room', incidentId: item.id });
            }}
          >
            War room
          </a>
        </li>
      ))}
    </ul>
  );
}
