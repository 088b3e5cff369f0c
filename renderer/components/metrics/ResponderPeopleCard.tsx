import type { ResponderToll } from '../../../shared/metrics/cost-report';
import { formatHours } from '../../../shared/metrics/responder-toll';
import { ChartCard } from './ChartCard';
import { hoursCell, outsideWords, PRIVATE_CSV, stretchWords } from './responder-words';

/** Per person, alphabetically: time on incidents, time outside their working hours, incidents, long stretches. */
export function ResponderPeopleCard({ people, stretchHours }: { people: ResponderToll[]; stretchHours: number }) {
  const table = {
    header: ['Person', 'On incidents', 'Outside working hours', 'Incidents', `Stretches of ${stretchHours} h or more`],
    rows: people.map((p) => [p.name, formatHours(p.totalMs), outsideWords(p.outsideHoursMs), p.incidents, p.longStretches.length]),
  };
  const csv = {
    header: ['person', 'hours_on_incidents', 'hours_outside_working_hours', 'incidents', 'long_stretches'],
    rows: people.map((p) => [p.name, hoursCell(p.totalMs), hoursCell(p.outsideHoursMs), p.incidents, p.longStretches.length]),
  };
  return (
    <ChartCard
      id="responder-people"
      title="Time on incidents, per person"
      subtitle={`Alphabetical · “not set”: no working hours in the roster, so none are called outside · a long stretch is ${stretchHours} h or more without a break`}
      table={table}
      csv={csv}
      csvLabel={PRIVATE_CSV}
      empty="Nobody held a role on an incident in this period."
      list={
        <ul className="mx-list" data-testid="responder-people">
          {people.map((p) => (
            <li key={p.name} className="mx-list-item rt-person" data-testid="responder-person" data-person={p.name}>
              <span className="mx-list-main">
                <span className="mx-list-title">{p.name}</span>
                <span className="rt-figures">
                  <span>
                    <b data-testid="responder-total">{formatHours(p.totalMs)}</b> on incidents
                  </span>
                  <span className={p.outsideHoursMs === null ? 'rt-unset' : undefined}>
                    <b data-testid="responder-outside">{outsideWords(p.outsideHoursMs)}</b> outside working hours
                  </span>
                  <span>
                    <b>{p.incidents}</b> {p.incidents === 1 ? 'incident' : 'incidents'}
                  </span>
                </span>
                {p.longStretches.map((s) => (
                  <span key={s.from} className="mx-list-meta rt-stretch" data-testid="responder-stretch">
                    {stretchWords(s)}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      }
      className="rt-people"
    />
  );
}
