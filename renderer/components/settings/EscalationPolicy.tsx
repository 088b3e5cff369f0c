import { useRef } from 'react';
import type { Severity } from '../../../shared/domain/incident';
import type { RosterPerson } from '../../../shared/domain/settings';
import { SeverityChip, SEVERITY_MEANING } from '../SeverityChip';
import { FieldError } from './FieldError';
import { MAX_TIERS, newTier, tierWarnings, type TierDraft } from './escalation-form';
import type { FieldErrors } from './field-errors';
import { TierRow } from './TierRow';

interface Props {
  severity: Severity;
  tiers: TierDraft[];
  roster: RosterPerson[];
  errors: FieldErrors;
  onChange: (change: (tiers: TierDraft[]) => TierDraft[], path: string) => void;
}

/** Runs after React has drawn the change, so focus can land on what moved or appeared. */
const afterDraw = (fn: () => void) => requestAnimationFrame(() => requestAnimationFrame(fn));

/** One severity's ordered tiers. */
export function EscalationPolicy({ severity, tiers, roster, errors, onChange }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const base = `escalation.${severity}`;
  const warnings = tierWarnings(tiers);
  const rowAt = (i: number) => listRef.current?.querySelectorAll<HTMLElement>('.tier')[i];

  const move = (from: number, to: number) => {
    onChange((list) => {
      const next = [...list];
      const [tier] = next.splice(from, 1);
      next.splice(to, 0, tier!);
      return next;
    }, base);
    const dir = to < from ? 'up' : 'down';
    afterDraw(() => {
      const row = rowAt(to);
      const same = row?.querySelector<HTMLButtonElement>(`[data-move="${dir}"]`);
      (same && !same.disabled ? same : row?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
    });
  };
  const remove = (at: number) => {
    onChange((list) => list.filter((_, i) => i !== at), base);
    afterDraw(() => (rowAt(Math.min(at, tiers.length - 2))?.querySelector<HTMLElement>('[data-testid="tier-remove"]') ?? addRef.current)?.focus());
  };
  const add = () => {
    const last = tiers.at(-1);
    const lastDelay = last ? Number(last.delay) : NaN;
    onChange((list) => [...list, newTier(Number.isFinite(lastDelay) ? String(lastDelay + 15) : '0')], base);
    afterDraw(() => rowAt(tiers.length)?.querySelector<HTMLInputElement>('[data-testid="tier-target"]')?.focus());
  };
  const change = (at: number, tier: TierDraft, field: string) => {
    const person = field === 'target' ? roster.find((p) => p.name.toLowerCase() === tier.target.trim().toLowerCase()) : undefined;
    const filled = person && tier.contact.trim() === '' ? { ...tier, contact: person.contact } : tier;
    onChange((list) => list.map((t, i) => (i === at ? filled : t)), `${base}.${at}.${field}`);
  };

  return (
    <section className="card policy" aria-label={`${severity} escalation`} data-testid={`escalation-${severity}`}>
      <header className="policy-head">
        <SeverityChip severity={severity} />
        <span className="policy-meaning">{SEVERITY_MEANING[severity]}</span>
        <span className="policy-count">
          {tiers.length === 0 ? 'nobody is paged automatically' : `${tiers.length} ${tiers.length === 1 ? 'tier' : 'tiers'}`}
        </span>
        <button ref={addRef} type="button" className="btn btn-small" data-testid="tier-add" onClick={add} disabled={tiers.length >= MAX_TIERS}>
          + Add tier
        </button>
      </header>
      <FieldError path={base} message={errors[base]} />
      {tiers.length > 0 && (
        <ol className="tiers" ref={listRef}>
          {tiers.map((tier, i) => (
            <TierRow
              key={tier.key}
              tier={tier}
              index={i}
              count={tiers.length}
              path={`${base}.${i}`}
              errors={errors}
              warning={warnings[i] ?? null}
              onChange={(t, field) => change(i, t, field)}
              onMove={(to) => move(i, to)}
              onRemove={() => remove(i)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
