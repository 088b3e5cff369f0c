import { useEffect, useRef } from 'react';
import { FACTOR_TAGS, type FactorTag, type PostMortem } from '../../../shared/domain/incident';
import { Section, usePostmortemField } from './fields';
import { FACTOR_LABELS } from './labels';

const MAX_FACTORS = 30;

/** Conditions that made it worse or more likely, each tagged so they can be counted across incidents. */
export function FactorsSection({ incidentId, postmortem }: { incidentId: string; postmortem: PostMortem }) {
  const factors = usePostmortemField(incidentId, postmortem, 'factors', 'Contributing factors');
  const list = factors.draft;
  const focusLast = useRef(false);
  const inputs = useRef<Array<HTMLInputElement | null>>([]);

  useEffect(() => {
    if (!focusLast.current) return;
    inputs.current[list.length - 1]?.focus();
    focusLast.current = false;
  });

  const set = (i: number, patch: Partial<{ tag: FactorTag; text: string }>, now: boolean) => {
    const next = list.map((f, k) => (k === i ? { ...f, ...patch } : f));
    if (now) factors.commit(next);
    else factors.change(next);
  };

  return (
    <Section title="Contributing factors" status={factors.status} statusTestId="pm-factors-error" testId="pm-factors">
      <div {...factors.focusProps} className="factors">
        {list.length === 0 && <p className="empty-note">None yet. Tag each one: configuration, code change, dependency, capacity, process, detection, tooling.</p>}
        {list.map((f, i) => (
          <div key={i} className="factor" data-testid="pm-factor">
            <select
              className={`input pm-select factor-tag factor-${f.tag}`}
              aria-label={`Factor ${i + 1} tag`}
              data-testid="pm-factor-tag"
              value={f.tag}
              onChange={(e) => set(i, { tag: e.target.value as FactorTag }, true)}
            >
              {FACTOR_TAGS.map((t) => (
                <option key={t} value={t}>
                  {FACTOR_LABELS[t]}
                </option>
              ))}
            </select>
            <input
              ref={(el) => {
                inputs.current[i] = el;
              }}
              className="input pm-input"
              aria-label={`Factor ${i + 1}`}
              data-testid="pm-factor-text"
              value={f.text}
              placeholder="What made it possible or worse"
              onChange={(e) => set(i, { text: e.target.value }, false)}
            />
            <button
              type="button"
              className="icon-btn icon-btn-danger"
              aria-label={`Remove factor ${i + 1}`}
              data-testid="pm-factor-remove"
              onClick={() => factors.commit(list.filter((_, k) => k !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-quiet btn-small pm-add"
          data-testid="pm-factor-add"
          disabled={list.length >= MAX_FACTORS}
          onClick={() => {
            focusLast.current = true;
            factors.commit([...list, { tag: 'other', text: '' }]);
          }}
        >
          + Add a factor
        </button>
      </div>
    </Section>
  );
}
