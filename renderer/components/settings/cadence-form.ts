import { SEVERITIES, type Severity } from '../../../shared/domain/incident';
import type { CadencePolicy } from '../../../shared/domain/settings';
import type { FieldErrors } from './field-errors';
import { numberText, parseOptionalNumber } from './minutes';
import type { FormSpec } from './use-settings-form';

export type CadenceField = keyof CadencePolicy;
export type CadenceDraft = Record<Severity, Record<CadenceField, string>>;

export const COLUMNS: { field: CadenceField; label: string; help: string; reads: string; noneText: string }[] = [
  { field: 'internalMinutes', label: 'Internal update every', help: 'Responders, stakeholders, the incident channel', reads: 'every', noneText: 'no regular update' },
  { field: 'externalMinutes', label: 'External update every', help: 'Customers and the status page', reads: 'every', noneText: 'no regular update' },
  { field: 'firstExternalMinutes', label: 'First external post within', help: 'After the incident is declared', reads: 'within', noneText: 'no first-post deadline' },
];

export const cadenceSpec: FormSpec<CadenceDraft> = {
  id: 'cadence',
  fromSettings: (s) =>
    Object.fromEntries(
      SEVERITIES.map((sev) => [sev, Object.fromEntries(COLUMNS.map(({ field }) => [field, numberText(s.cadence[sev][field])]))]),
    ) as CadenceDraft,
  toPatch: (d) => {
    const errors: FieldErrors = {};
    const cadence = {} as Record<Severity, CadencePolicy>;
    for (const sev of SEVERITIES) {
      const policy = {} as CadencePolicy;
      for (const { field } of COLUMNS) {
        const parsed = parseOptionalNumber(d[sev][field]);
        if (parsed.ok) policy[field] = parsed.value;
        else errors[`cadence.${sev}.${field}`] = parsed.message;
      }
      cadence[sev] = policy;
    }
    return Object.keys(errors).length > 0 ? { errors } : { patch: { cadence } };
  },
  same: (a, b) => SEVERITIES.every((sev) => COLUMNS.every(({ field }) => sameNumber(a[sev][field], b[sev][field]))),
};

function sameNumber(a: string, b: string): boolean {
  const x = parseOptionalNumber(a);
  const y = parseOptionalNumber(b);
  return x.ok && y.ok ? x.value === y.value : a === b;
}
