import type { ServiceObjective } from '../../../shared/metrics/availability';
import { newRowKey } from './alert-rules-form';
import type { FieldErrors } from './field-errors';
import { numberText, parseNumber } from './minutes';
import type { FormSpec } from './use-settings-form';

// The service catalogue: each service with its availability objective. Numbers are typed as text
// so a half-typed "99." stays on screen; the engine checks ranges and duplicates.

export interface ServiceRow {
  /** Keeps a row's inputs (and focus) when one above is removed; not saved. */
  key: string;
  name: string;
  objectivePercent: string;
  windowDays: string;
}

export interface ServicesDraft {
  rows: ServiceRow[];
}

/** The engine's limit (shared/contract/schemas.ts `services`). */
export const MAX_SERVICES = 100;

export const emptyService = (): ServiceRow => ({ key: newRowKey(), name: '', objectivePercent: '99.9', windowDays: '30' });

function toObjective(row: ServiceRow, i: number, errors: FieldErrors): ServiceObjective | null {
  const objective = parseNumber(row.objectivePercent, 'The objective');
  const window = parseNumber(row.windowDays, 'The window');
  if (!objective.ok) errors[`services.${i}.objectivePercent`] = objective.message;
  if (!window.ok) errors[`services.${i}.windowDays`] = window.message;
  if (!objective.ok || !window.ok) return null;
  return { name: row.name.trim(), objectivePercent: objective.value ?? 0, windowDays: window.value ?? 0 };
}

export const servicesSpec: FormSpec<ServicesDraft> = {
  id: 'services',
  fromSettings: (s) => ({
    rows: s.services.map((svc, i) => ({ key: `service-${i}`, name: svc.name, objectivePercent: numberText(svc.objectivePercent), windowDays: numberText(svc.windowDays) })),
  }),
  toPatch: (d) => {
    const errors: FieldErrors = {};
    const services = d.rows.map((row, i) => toObjective(row, i, errors));
    if (d.rows.length > MAX_SERVICES) errors.services = `At most ${MAX_SERVICES} services.`;
    if (Object.keys(errors).length > 0) return { errors };
    return { patch: { services: services.filter((s): s is ServiceObjective => s !== null) } };
  },
  same: (a, b) =>
    a.rows.length === b.rows.length &&
    a.rows.every((r, i) => {
      const s = b.rows[i]!;
      return r.name.trim().toLowerCase() === s.name.trim().toLowerCase() && r.objectivePercent.trim() === s.objectivePercent.trim() && r.windowDays.trim() === s.windowDays.trim();
    }),
};

/** The first message about row `i`, whichever of its fields it names. */
export function serviceRowErrors(errors: FieldErrors, i: number): { name?: string; objectivePercent?: string; windowDays?: string; row?: string } {
  const at = (field: string) => errors[`services.${i}.${field}`];
  return { name: at('name'), objectivePercent: at('objectivePercent'), windowDays: at('windowDays'), row: errors[`services.${i}`] };
}
