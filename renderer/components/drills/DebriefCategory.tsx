import type { CategoryScore, Criterion } from '../../../shared/drills/debrief';
import { formatScore } from '../../lib/drill-history';
import { formatDrillOffset } from '../../lib/drill-time';

const VERDICT: Record<'met' | 'missed' | 'na', string> = { met: 'Met', missed: 'Missed', na: 'Not applicable' };
const verdictOf = (c: Criterion) => (c.met === null ? 'na' : c.met ? 'met' : 'missed');

/** One of the five categories: its score and each criterion with why, and the events that decided it. */
export function DebriefCategory({ score, criteria, startedAt }: { score: CategoryScore; criteria: Criterion[]; startedAt: number }) {
  return (
    <section className="debrief-category" data-testid="debrief-category" data-category={score.category} aria-labelledby={`debrief-${score.category}`}>
      <header className="debrief-category-head">
        <h2 id={`debrief-${score.category}`}>{score.label}</h2>
        <span className="debrief-category-score" data-testid="debrief-category-score">
          {formatScore(score.score)}
        </span>
        <span className="debrief-category-count">
          {score.met} of {score.applicable} met
        </span>
      </header>
      <ul className="debrief-criteria">
        {criteria.map((c) => {
          const verdict = verdictOf(c);
          return (
            <li key={c.id} className={`debrief-criterion is-${verdict}`} data-testid="debrief-criterion" data-criterion={c.id} data-verdict={verdict}>
              <span className={`debrief-verdict is-${verdict}`}>{VERDICT[verdict]}</span>
              <div className="debrief-criterion-body">
                <p className="debrief-criterion-label">{c.label}</p>
                <p className="debrief-why">{c.why}</p>
                {c.evidence.length > 0 && (
                  <ul className="debrief-evidence">
                    {c.evidence.map((e) => (
                      <li key={`${e.eventId}-${e.at}`} data-testid="debrief-evidence">
                        <time className="debrief-evidence-at">{formatDrillOffset(e.at - startedAt)}</time> {e.text}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
