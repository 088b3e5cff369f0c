import { hasControlCharacter } from '../domain/control-chars';
import type { IncidentState, Millis, Severity } from '../domain/incident';

/**
 * Response checklists per severity, from the seeds: the first five minutes of triage (what is
 * the impact, is it getting worse, do we know the probable cause), then the structure (roles,
 * one channel, the first update). Shorter for SEV3 and SEV4, which the seeds handle in
 * business hours without public communication.
 */
export const DEFAULT_CHECKLISTS: Record<Severity, string[]> = {
  SEV1: [
    'What is the impact? How many users, which functionality, is data at risk?',
    'Is it getting worse? Check whether the error rate is climbing',
    'Do we know the probable cause? A recent deploy, a dependency, a familiar failure',
    'Severity set (over-classify rather than under-classify)',
    'Incident commander assigned, and not also the technical lead',
    'Technical lead, communications lead and scribe assigned',
    'One incident channel and bridge opened; everyone moved there',
    'Initial hypothesis logged and a workstream opened for it',
    'First external update posted within 5 minutes, even if only "investigating"',
    'Executives and support told, with talking points',
    'Escalation acknowledged; subject-matter experts paged as needed',
    'Next internal and external update times announced',
  ],
  SEV2: [
    'What is the impact? How many users, which functionality, is data at risk?',
    'Is it getting worse? Check whether the error rate is climbing',
    'Do we know the probable cause? A recent deploy, a dependency, a familiar failure',
    'Severity set (raise it if the impact grows)',
    'Incident commander assigned, and not also the technical lead',
    'Technical lead, communications lead and scribe assigned',
    'One incident channel opened; everyone moved there',
    'Initial hypothesis logged and a workstream opened for it',
    'Proactive customer update posted',
    'Next update time announced',
  ],
  SEV3: [
    'What is the impact, and is it getting worse?',
    'Do we know the probable cause?',
    'Incident commander assigned',
    'Decide whether customers need to hear about it',
  ],
  SEV4: ['Confirm nobody is affected yet', 'Ticket filed for the normal development cycle'],
};

export const CHECKLIST_LIMITS = { items: 20, itemLength: 200 } as const;

export interface ChecklistItemProgress {
  item: string;
  done: boolean;
  /** Who ticked it and when; null when never ticked. */
  by: string | null;
  at: Millis | null;
}

/** The checklist's items with what the incident's journal says of each (the last tick wins). */
export function checklistProgress(state: Pick<IncidentState, 'checklist'>, items: readonly string[]): ChecklistItemProgress[] {
  return items.map((item) => {
    const tick = state.checklist.find((t) => t.item === item);
    return tick ? { item, done: tick.done, by: tick.by, at: tick.at } : { item, done: false, by: null, at: null };
  });
}

export interface ChecklistProblem {
  /** `items[3]`, or `items` for the list as a whole. */
  field: string;
  message: string;
}

/** An edited checklist from Settings: one-line, non-empty items of at most 200 characters, at most 20, no repeats. */
export function validateChecklist(items: readonly string[]): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  if (items.length > CHECKLIST_LIMITS.items) problems.push({ field: 'items', message: `has ${items.length} items; at most ${CHECKLIST_LIMITS.items}` });
  const seen = new Map<string, number>();
  items.forEach((raw, index) => {
    const field = `items[${index}]`;
    const item = raw.trim();
    if (item === '') problems.push({ field, message: 'is empty' });
    else if (hasControlCharacter(raw)) problems.push({ field, message: 'holds a line break or control character (one line per item)' });
    else if (item.length > CHECKLIST_LIMITS.itemLength) problems.push({ field, message: `is ${item.length} characters; at most ${CHECKLIST_LIMITS.itemLength}` });
    const key = item.toLowerCase();
    const first = seen.get(key);
    if (item !== '' && first !== undefined) problems.push({ field, message: `repeats item ${first + 1}` });
    else if (item !== '') seen.set(key, index);
  });
  return problems;
}
