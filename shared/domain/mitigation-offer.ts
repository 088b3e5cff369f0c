import type { IncidentState, Millis } from './incident';

export interface MitigationOffer {
  entryId: string;
  /** When the mitigation entry says it happened: the time TTM would be measured to. */
  at: Millis;
  text: string;
}

const BEFORE_MITIGATED = new Set(['investigating', 'identified']);
const STATUS_EVENTS = new Set(['incident.declared', 'incident.promoted', 'incident.statusChanged']);

/**
 * A mitigation logged while the incident is not yet marked mitigated is a question for the IC —
 * mark it mitigated at that time? — never a silent change. The latest such entry logged since the
 * status last changed is offered, so a reopened incident does not ask again about an old line.
 * A window holds only the newest lines: `beforeThese` is the answer for the lines before them.
 */
export function mitigationOffer(state: IncidentState, beforeThese: MitigationOffer | null = null): MitigationOffer | null {
  if (!BEFORE_MITIGATED.has(state.status)) return null;
  for (let i = state.timeline.length - 1; i >= 0; i--) {
    const entry = state.timeline[i]!;
    if (entry.kind === 'system' && entry.systemType !== null && STATUS_EVENTS.has(entry.systemType)) return null;
    if (entry.kind === 'mitigation' && !entry.struck) return { entryId: entry.id, at: entry.at, text: entry.text };
  }
  return beforeThese;
}
