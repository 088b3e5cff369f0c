import { FieldError, invalidProps } from './FieldError';
import type { TierDraft } from './escalation-form';
import type { FieldErrors } from './field-errors';

interface Props {
  tier: TierDraft;
  index: number;
  count: number;
  /** `escalation.SEV1.2`: the engine's path to this tier. */
  path: string;
  errors: FieldErrors;
  warning: string | null;
  onChange: (tier: TierDraft, field: 'target' | 'contact' | 'delayMinutes') => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One escalation tier: who is paged, how to reach them, and how long after declaration. */
export function TierRow({ tier, index, count, path, errors, warning, onChange, onMove, onRemove }: Props) {
  const n = index + 1;
  const err = (field: string) => errors[`${path}.${field}`];
  return (
    <li className="tier" data-testid="tier">
      <span className="tier-number" aria-hidden="true">
        {n}
      </span>
      <div className="tier-fields">
        <label className="tier-field tier-target">
          <span className="sr-only">Tier {n} target</span>
          <input
            className="input"
            list="escalation-targets"
            placeholder="Person or role, e.g. Secondary on-call"
            data-testid="tier-target"
            value={tier.target}
            onChange={(e) => onChange({ ...tier, target: e.target.value }, 'target')}
            {...invalidProps(`${path}.target`, err('target'))}
          />
          <FieldError path={`${path}.target`} message={err('target')} />
        </label>
        <label className="tier-field tier-contact">
          <span className="sr-only">Tier {n} contact</span>
          <input
            className="input"
            placeholder="Pager, phone or handle"
            data-testid="tier-contact"
            value={tier.contact}
            onChange={(e) => onChange({ ...tier, contact: e.target.value }, 'contact')}
            {...invalidProps(`${path}.contact`, err('contact'))}
          />
          <FieldError path={`${path}.contact`} message={err('contact')} />
        </label>
        <label className="tier-field tier-delay">
          <span className="input-with-unit">
            <span className="unit unit-before">after</span>
            <input
              className="input input-number"
              inputMode="decimal"
              aria-label={`Tier ${n} delay in minutes after declaration`}
              data-testid="tier-delay"
              value={tier.delay}
              onChange={(e) => onChange({ ...tier, delay: e.target.value }, 'delayMinutes')}
              {...invalidProps(`${path}.delayMinutes`, err('delayMinutes'))}
            />
            <span className="unit">min</span>
          </span>
          <FieldError path={`${path}.delayMinutes`} message={err('delayMinutes')} />
        </label>
        {warning && (
          <p className="tier-warning" data-testid="tier-warning">
            {warning}
          </p>
        )}
      </div>
      <div className="tier-actions">
        <button
          type="button"
          className="icon-btn"
          aria-label={`Move tier ${n} up`}
          title="Move up"
          data-move="up"
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={`Move tier ${n} down`}
          title="Move down"
          data-move="down"
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          ↓
        </button>
        <button type="button" className="icon-btn icon-btn-danger" aria-label={`Remove tier ${n}`} title="Remove" data-testid="tier-remove" onClick={onRemove}>
          ✕
        </button>
      </div>
    </li>
  );
}
