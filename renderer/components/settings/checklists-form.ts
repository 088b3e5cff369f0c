import { DEFAULT_CHECKLISTS, validateChecklist } from '../../../shared/guidance/checklists';
import { SEVERITIES, type Severity } from '../../../shared/domain/incident';
import type { FieldErrors } from './field-errors';
import type { FormSpec } from './use-settings-form';

export type ChecklistsDraft = Record<Severity, string[]>;

const copy = (lists: Record<Severity, readonly string[]>): ChecklistsDraft =>
  Object.fromEntries(SEVERITIES.map((sev) => [sev, [...(lists[sev] ?? [])]])) as ChecklistsDraft;

/**
 * The form checks each list with the engine's own rules before sending, and names each problem
 * by the path the engine would use (`checklists.SEV1.3`), so both land beside the same field.
 */
export function checklistErrors(draft: ChecklistsDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const sev of SEVERITIES) {
    for (const problem of validateChecklist(draft[sev])) {
      const index = /^items\[(\d+)\]$/.exec(problem.field)?.[1];
      const path = index === undefined ? `checklists.${sev}` : `checklists.${sev}.${index}`;
      errors[path] ??= `${index === undefined ? 'The checklist' : `Item ${Number(index) + 1}`} ${problem.message}`;
    }
  }
  return errors;
}

export const checklistsSpec: FormSpec<ChecklistsDraft> = {
  id: 'checklists',
  fromSettings: (s) => copy(s.checklists),
  toPatch: (d) => {
    const errors = checklistErrors(d);
    if (Object.keys(errors).length > 0) return { errors };
    return { patch: { checklists: Object.fromEntries(SEVERITIES.map((sev) => [sev, d[sev].map((item) => item.trim())])) as ChecklistsDraft } };
  },
  same: (a, b) => SEVERITIES.every((sev) => a[sev].length === b[sev].length && a[sev].every((item, i) => item.trim() === b[sev][i]!.trim())),
};

/** The list with item `from` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem(items: readonly string[], from: number, by: -1 | 1): string[] {
  const to = from + by;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export const removeItem = (items: readonly string[], at: number): string[] => items.filter((_, i) => i !== at);

export const defaultChecklist = (severity: Severity): string[] => [...DEFAULT_CHECKLISTS[severity]];

/** Whether a severity's list is what ships (the seeds' checklist). */
export const isDefaultChecklist = (severity: Severity, items: readonly string[]): boolean =>
  items.length === DEFAULT_CHECKLISTS[severity].length && items.every((item, i) => item.trim() === DEFAULT_CHECKLISTS[severity][i]);
