import { SEVERITIES, type EscalationTier, type Severity } from '../../../shared/domain/incident';
import type { FieldErrors } from './field-errors';
import { numberText, parseNumber } from './minutes';
import type { FormSpec } from './use-settings-form';

export interface TierDraft {
  /** Only for React: follows the tier when it is moved. */
  key: string;
  target: string;
  contact: string;
  delay: string;
}

export type EscalationDraft = Record<Severity, TierDraft[]>;

export const MAX_TIERS = 10;

let added = 0;
export function newTier(delay: string): TierDraft {
  added += 1;
  return { key: `new-${added}`, target: '', contact: '', delay };
}

function sameTiers(a: TierDraft[], b: TierDraft[]): boolean {
  return (
    a.length === b.length &&
    a.every((t, i) => {
      const u = b[i]!;
      const x = parseNumber(t.delay, '');
      const y = parseNumber(u.delay, '');
      const sameDelay = x.ok && y.ok ? x.value === y.value : t.delay === u.delay;
      return t.target.trim() === u.target.trim() && t.contact.trim() === u.contact.trim() && sameDelay;
    })
  );
}

export const escalationSpec: FormSpec<EscalationDraft> = {
  id: 'escalation',
  // Keys come from the position, so the first edit does not redraw every row and lose the caret.
  fromSettings: (s) =>
    Object.fromEntries(
      SEVERITIES.map((sev) => [
        sev,
        s.escalation[sev].map((t, i) => ({ key: `${sev}-${i}`, target: t.target, contact: t.contact, delay: numberText(t.delayMinutes) })),
      ]),
    ) as EscalationDraft,
  toPatch: (d) => {
    const errors: FieldErrors = {};
    const escalation = {} as Record<Severity, EscalationTier[]>;
    for (const sev of SEVERITIES) {
      escalation[sev] = d[sev].map((t, i) => {
        const delay = parseNumber(t.delay, 'Delay');
        if (!delay.ok) errors[`escalation.${sev}.${i}.delayMinutes`] = delay.message;
        return { target: t.target, contact: t.contact, delayMinutes: delay.ok ? (delay.value ?? 0) : 0 };
      });
    }
    return Object.keys(errors).length > 0 ? { errors } : { patch: { escalation } };
  },
  same: (a, b) => SEVERITIES.every((sev) => sameTiers(a[sev], b[sev])),
};

/** Things the engine accepts but that would surprise on the night; shown as warnings, not errors. */
export function tierWarnings(tiers: TierDraft[]): (string | null)[] {
  return tiers.map((tier, i) => {
    const name = tier.target.trim().toLowerCase();
    const twin = name ? tiers.findIndex((t) => t.target.trim().toLowerCase() === name) : i;
    if (twin < i) return `Already tier ${twin + 1}: a target is paged once per incident, so this tier never fires.`;
    const previous = i > 0 ? parseNumber(tiers[i - 1]!.delay, '') : null;
    const mine = parseNumber(tier.delay, '');
    if (previous?.ok && mine.ok && previous.value !== null && mine.value !== null && mine.value < previous.value) {
      return `Fires before tier ${i}: delays count from declaration, not from the tier before.`;
    }
    return null;
  });
}
