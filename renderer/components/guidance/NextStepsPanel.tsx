import { useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { formatSpan } from '../../../shared/domain/clocks';
import { nextUpdateDue } from '../../../shared/domain/deadlines';
import { nextSteps } from '../../../shared/guidance/next-steps';
import { useWarRoomSettings } from '../../store/settings-snapshot';
import { NextStepRow } from './NextStepRow';
import { runStep } from './run-step';
import { quietLine, stepEffect, stepKey } from './step-action';
import { useIncidentNow } from './use-incident-now';
import { useTopStepKey } from './use-top-step-key';
import './guidance.css';

/** More than this and the list stops being "what to do next"; the rest wait behind one click. */
const SHOWN = 4;
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** What to do next, most urgent first, each with the one button (and key) that does it. Redrawn every second for its countdowns. */
export function NextStepsPanel({ incident }: { incident: IncidentView }) {
  const now = useIncidentNow(incident.drill);
  const settings = useWarRoomSettings();
  const [showAll, setShowAll] = useState(false);
  const steps = nextSteps(incident, settings, now);
  const runners = steps.map((step) => {
    const effect = stepEffect(step.action, incident);
    return effect ? () => runStep(effect, incident.id) : null;
  });
  useTopStepKey(runners[0] ?? null);
  const shown = showAll ? steps : steps.slice(0, SHOWN);
  const urgent = steps.filter((s) => s.severity === 'urgent').length;

  return (
    <section className="side-section next-steps" aria-labelledby="next-steps-title" data-testid="next-steps">
      <h2 className="panel-title" id="next-steps-title">
        Next steps
        {steps.length > 0 && (
          <span className={`panel-count${urgent > 0 ? ' is-urgent' : ''}`} data-testid="next-steps-count">
            {steps.length}
          </span>
        )}
      </h2>
      {steps.length === 0 ? (
        <p className="next-steps-quiet" data-testid="next-steps-quiet">
          {quietLine(nextUpdateDue(incident, 'internal'), now, formatSpan)}
        </p>
      ) : (
        <ol className="next-steps-list">
          {shown.map((step, i) => (
            <NextStepRow key={step.id} step={step} top={i === 0} shortcut={stepKey(step, i, MAC)} onRun={runners[i] ?? null} />
          ))}
        </ol>
      )}
      {steps.length > SHOWN && (
        <button type="button" className="link-button next-steps-more" aria-expanded={showAll} data-testid="next-steps-more" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show ${steps.length - SHOWN} more`}
        </button>
      )}
    </section>
  );
}
