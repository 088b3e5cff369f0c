import { navigate } from '../../store/selection';
import { openDialog } from '../../store/war-room-store';
import { setMetricsTab } from '../metrics/metrics-tab-store';
import { focusChecklist } from './checklist-store';
import type { StepEffect } from './step-action';

/** Does what a next step's button says. */
export function runStep(effect: StepEffect, incidentId: string): void {
  if (effect.kind === 'dialog') openDialog(effect.dialog);
  else if (effect.kind === 'checklist') focusChecklist();
  else if (effect.kind === 'responders') {
    setMetricsTab('responders');
    navigate({ view: 'metrics', incidentId: null });
  } else {
    // The review is decided and scheduled on the post-mortem: its Review section is where it lands.
    navigate({ view: 'postmortem', incidentId });
    focusWhenDrawn('[data-testid="pm-review"]', '[data-testid="pm-reviewAt"]');
  }
}

/** The post-mortem draws after navigation: wait a few frames for the section, then bring it into view. */
function focusWhenDrawn(sectionSelector: string, inputSelector: string, framesLeft = 30): void {
  const section = document.querySelector<HTMLElement>(sectionSelector);
  if (section) {
    section.scrollIntoView({ block: 'start' });
    section.querySelector<HTMLElement>(inputSelector)?.focus();
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusWhenDrawn(sectionSelector, inputSelector, framesLeft - 1));
}
