import { useEffect, useRef } from 'react';
import { FACTOR_TAGS, type FactorTag, type PostMortem } from '../../../shared/domain/incident';
import { FieldStatus, type Placing, PostmortemText, Section, usePostmortemField } from './fields';
import { FACTOR_LABELS } from './labels';

interface Props {
  incidentId: string;
  postmortem: PostMortem;
}

const MAX_WHYS = 10;

export function RootCauseSection({ incidentId, postmortem, placing }: Props & { placing: Placing }) {
  const category = usePostmortemField(incidentId, postmortem, 'rootCauseCategory', 'Root-cause category');
  return (
    <Section title="Root cause" testId="pm-root-cause">
      <PostmortemText
        incidentId={incidentId}
        postmortem={postmortem}
        field="rootCause"
        label="What caused it"
        multiline
        rows={3}
        placeholder="The conditions that made the failure possible, not who pressed the button."
        placing={placing}
      />
      <label className="pm-field pm-field-inline">
        <span className="pm-label">Category</span>
        <select
          className="input pm-select"
          data-testid="pm-rootCauseCategory"
          value={category.draft ?? ''}
          onChange={(e) => category.commit((e.target.value || null) as FactorTag | null)}
          {...category.focusProps}
        >
          <option value="">Not categorised</option>
          {FACTOR_TAGS.map((t) => (
            <option key={t} value={t}>
              {FACTOR_LABELS[t]}
            </option>
          ))}
        </select>
        <span className="pm-field-note">Counts toward the repeat rate across incidents.</span>
        <FieldStatus status={category.status} />
      </label>
      <FiveWhys incidentId={incidentId} postmortem={postmortem} />
    </Section>
  );
}

function FiveWhys({ incidentId, postmortem }: Props) {
  const whys = usePostmortemField(incidentId, postmortem, 'fiveWhys', 'Five whys');
  const list = whys.draft;
  const focusIndex = useRef<number | null>(null);
  const inputs = useRef<Array<HTMLInputElement | null>>([]);

  useEffect(() => {
    if (focusIndex.current === null) return;
    inputs.current[focusIndex.current]?.focus();
    focusIndex.current = null;
  });

  const move = (from: number, to: number) => {
    const next = [...list];
    const [line] = next.splice(from, 1);
    next.splice(to, 0, line!);
    focusIndex.current = to;
    whys.commit(next);
  };

  return (
    <div className="pm-field" {...whys.focusProps} data-testid="pm-whys">
      <span className="pm-field-head">
        <span className="pm-label">Five whys</span>
        <FieldStatus status={whys.status} testId="pm-whys-error" />
      </span>
      {list.length > 0 && (
        <ol className="whys">
          {list.map((line, i) => (
            <li key={i} className="why" data-testid="pm-why">
              <span className="why-n" aria-hidden="true">
                {i + 1}
              </span>
              <input
                ref={(el) => {
                  inputs.current[i] = el;
                }}
                className="input pm-input why-input"
                aria-label={`Why ${i + 1}`}
                data-testid="pm-why-input"
                value={line}
                placeholder={i === 0 ? 'Why did it happen? Because…' : 'Why was that? Because…'}
                onChange={(e) => whys.change(list.map((w, k) => (k === i ? e.target.value : w)))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && list.length < MAX_WHYS) {
                    e.preventDefault();
                    focusIndex.current = i + 1;
                    whys.commit([...list.slice(0, i + 1), '', ...list.slice(i + 1)]);
                  }
                }}
              />
              <span className="row-tools">
                <button type="button" className="icon-btn" aria-label={`Move why ${i + 1} up`} data-testid="pm-why-up" disabled={i === 0} onClick={() => move(i, i - 1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Move why ${i + 1} down`}
                  data-testid="pm-why-down"
                  disabled={i === list.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-btn icon-btn-danger"
                  aria-label={`Remove why ${i + 1}`}
                  data-testid="pm-why-remove"
                  onClick={() => whys.commit(list.filter((_, k) => k !== i))}
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="btn btn-quiet btn-small pm-add"
        data-testid="pm-why-add"
        disabled={list.length >= MAX_WHYS}
        onClick={() => {
          focusIndex.current = list.length;
          whys.commit([...list, '']);
        }}
      >
        + Add a why
      </button>
    </div>
  );
}
