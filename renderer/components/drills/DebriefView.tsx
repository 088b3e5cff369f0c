import { formatScore } from '../../lib/drill-history';
import { formatDay } from '../../lib/time';
import { ROLE_LABELS } from '../../../shared/domain/incident';
import { useOpenIncident } from '../../store/open-incident-store';
import { hashOf } from '../../store/route-store';
import { navigate } from '../../store/selection';
import { Notice } from '../Notice';
import { DebriefCategory } from './DebriefCategory';
import { useDebrief } from './use-debrief';
import '../metrics/Metrics.css';
import './drills.css';
import './debrief.css';

/** A drill's score: five categories, each criterion met or missed with its evidence, and who took part. Printable. */
export function DebriefView({ incidentId }: { incidentId: string }) {
  const version = useOpenIncident((s) => (s.incident?.id === incidentId ? s.version : 0));
  const drill = useOpenIncident((s) => (s.incident?.id === incidentId ? s.incident.drill : null));
  const answer = useDebrief(incidentId, version);
  if (answer.state === 'loading') return <Notice title="Scoring the drill…" />;
  if (answer.state === 'failed') {
    return (
      <Notice tone="danger" title="No debrief for this incident">
        {answer.message}
      </Notice>
    );
  }
  const d = answer.debrief;
  const running = drill !== null && drill.endedAt === null;
  return (
    <div className="mx debrief" data-testid="debrief-view">
      <header className="mx-head debrief-head">
        <div className="mx-head-titles">
          <span className="drill-band-tag">DRILL</span>
          <h1 className="mx-title">Debrief — {d.scenarioName ?? 'scenario file'}</h1>
          <span className="mx-head-sub">
            {formatDay(d.startedAt)}
            {drill ? ` · ${drill.team} · run by ${drill.facilitator}` : ''}
          </span>
        </div>
        <div className="debrief-tools">
          <a
            className="btn btn-small"
            href={hashOf({ view: 'war-room', incidentId })}
            onClick={(e) => {
              e.preventDefault();
              navigate({ view: 'war-room', incidentId });
            }}
          >
            Back to the war room
          </a>
          <button type="button" className="btn btn-small" data-testid="debrief-print" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      <div className="mx-scroll debrief-scroll">
        {running && <p className="debrief-running">The drill is still running: this score moves as the team works. It is final once the facilitator ends the drill.</p>}
        <div className="debrief-summary">
          <div className="debrief-overall">
            <span className="debrief-overall-label">Overall</span>
            <span className="debrief-overall-score" data-testid="debrief-overall">
              {formatScore(d.overall)}
            </span>
            <span className="debrief-overall-note">mean of the categories that applied</span>
          </div>
          <ul className="debrief-scores">
            {d.categories.map((c) => (
              <li key={c.category}>
                <a
                  href={`#debrief-${c.category}`}
                  onClick={(e) => {
                    // The address holds the route; jump within the page without changing it.
                    e.preventDefault();
                    document.getElementById(`debrief-${c.category}`)?.scrollIntoView();
                  }}
                >
                  <span>{c.label}</span> <b>{formatScore(c.score)}</b>
                </a>
              </li>
            ))}
          </ul>
          {d.participants.length > 0 && (
            <p className="debrief-people">
              Took part:{' '}
              {d.participants.map((p, i) => (
                <span key={p.name}>
                  {i > 0 ? ', ' : ''}
                  <b>{p.name}</b>
                  {p.roles.length > 0 ? ` (${p.roles.map((r) => ROLE_LABELS[r]).join(', ')})` : ''}
                </span>
              ))}
            </p>
          )}
        </div>
        <div className="debrief-categories">
          {d.categories.map((score) => (
            <DebriefCategory key={score.category} score={score} criteria={d.criteria.filter((c) => c.category === score.category)} startedAt={d.startedAt} />
          ))}
        </div>
      </div>
    </div>
  );
}
