import type { ReactNode } from 'react';
import type { IncidentSummary } from '../../../shared/domain/incident';
import type { OverdueAction } from '../../../shared/metrics/report';
import { hashOf } from '../../store/route-store';
import { navigate } from '../../store/selection';
import { ChartCard } from './ChartCard';

export function IncidentLink({ id, view, children }: { id: string; view: 'war-room' | 'postmortem'; children: ReactNode }) {
  return (
    <a
      className="mx-link"
      href={hashOf({ view, incidentId: id })}
      onClick={(e) => {
        e.preventDefault();
        navigate({ view, incidentId: id });
      }}
    >
      {children}
    </a>
  );
}

/** Action items past their due date and not done, each linking to its post-mortem. */
export function OverdueActionsCard({ actions, now }: { actions: OverdueAction[]; now: number }) {
  const daysLate = (due: string | null) => (due === null ? null : Math.max(1, Math.floor((now - new Date(`${due}T23:59:59`).getTime()) / 86_400_000) + 1));
  const sorted = [...actions].sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  return (
    <ChartCard
      id="overdue-actions"
      title="Overdue action items"
      subtitle={`${actions.length} past due and not done`}
      empty="No overdue action items. Follow-ups are on track."
      table={{ header: ['Incident', 'Action', 'Owner', 'Due', 'Priority'], rows: sorted.map((a) => [a.incidentId, a.title, a.owner, a.dueDate, a.priority]) }}
      list={
        <ul className="mx-list" data-testid="overdue-actions-list">
          {sorted.map((a) => (
            <li key={`${a.incidentId}:${a.id}`} className="mx-list-item" data-testid="overdue-action">
              <span className={`mx-prio prio-${a.priority.toLowerCase()}`}>{a.priority}</span>
              <span className="mx-list-main">
                <span className="mx-list-title">{a.title}</span>
                <span className="mx-list-meta">
                  <IncidentLink id={a.incidentId} view="postmortem">
                    {a.incidentId}
                  </IncidentLink>{' '}
                  · {a.incidentTitle}
                </span>
              </span>
              <span className="mx-list-side">
                <span className="mx-late">{daysLate(a.dueDate)} d late</span>
                <span className="mx-list-meta">{a.owner || 'no owner'}</span>
              </span>
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** Incidents whose timestamps contradict each other: left out of the figures above and listed here to fix. */
export function FlaggedCard({ flagged, incidents }: { flagged: Array<{ incidentId: string; problems: string[] }>; incidents: IncidentSummary[] }) {
  const titles = new Map(incidents.map((i) => [i.id, i.title]));
  return (
    <ChartCard
      id="flagged-timestamps"
      className="mx-card-wide"
      title="Out-of-order timestamps"
      subtitle="Left out of the response times; fix the backfilled times in the war room"
      empty="Every incident's timestamps are in order."
      table={{ header: ['Incident', 'Title', 'Problem'], rows: flagged.flatMap((f) => f.problems.map((p) => [f.incidentId, titles.get(f.incidentId) ?? '', p])) }}
      list={
        <ul className="mx-list" data-testid="flagged-list">
          {flagged.map((f) => (
            <li key={f.incidentId} className="mx-list-item" data-testid="flagged-incident">
              <span className="mx-flag-mark" aria-hidden="true">
                !
              </span>
              <span className="mx-list-main">
                <span className="mx-list-title">{titles.get(f.incidentId)}</span>
                <span className="mx-list-meta">
                  <IncidentLink id={f.incidentId} view="war-room">
                    {f.incidentId}
                  </IncidentLink>{' '}
                  · {f.problems.join('; ')}
                </span>
              </span>
            </li>
          ))}
        </ul>
      }
    />
  );
}
