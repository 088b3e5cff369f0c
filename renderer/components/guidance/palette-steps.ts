import type { IncidentView } from '../../../shared/contract/contract';
import { incidentNow } from '../../../shared/drills/clock';
import { nextSteps } from '../../../shared/guidance/next-steps';
import { currentSettings } from '../../store/settings-snapshot';
import { runStep } from './run-step';
import { stepEffect } from './step-action';

export interface PaletteStep {
  id: string;
  label: string;
  keywords: string;
  run: () => void;
}

/** The war room's next steps, for the palette's "Next step" group: the same actions as the panel's buttons. */
export function paletteSteps(incident: IncidentView): PaletteStep[] {
  const steps = nextSteps(incident, currentSettings(), incidentNow(incident.drill, Date.now()));
  return steps.flatMap((step) => {
    const effect = stepEffect(step.action, incident);
    if (!effect) return [];
    // Labelled by what is wrong, not by the action: the action's own palette entry keeps its ranking for "assign tl".
    return [{ id: `step-${step.id}`, label: step.title, keywords: 'next step todo guidance', run: () => runStep(effect, incident.id) }];
  });
}
