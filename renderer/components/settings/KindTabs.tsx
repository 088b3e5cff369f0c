import { useRef, type KeyboardEvent } from 'react';
import { DRAFT_KINDS, type DraftKind } from '../../../shared/domain/incident';
import { KIND_INFO } from './templates-form';

interface Props {
  value: DraftKind;
  problems: Record<DraftKind, number>;
  modified: Record<DraftKind, boolean>;
  onChange: (kind: DraftKind) => void;
}

/** Tabs for the four kinds of update; arrow keys move between them. */
export function KindTabs({ value, problems, modified, onChange }: Props) {
  const refs = useRef<Partial<Record<DraftKind, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = DRAFT_KINDS[(DRAFT_KINDS.indexOf(value) + step + DRAFT_KINDS.length) % DRAFT_KINDS.length]!;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="kind-tabs" role="tablist" aria-label="Kind of update" onKeyDown={onKeyDown}>
      {DRAFT_KINDS.map((kind) => (
        <button
          key={kind}
          ref={(el) => {
            refs.current[kind] = el;
          }}
          type="button"
          role="tab"
          id={`template-tab-${kind}`}
          aria-selected={kind === value}
          aria-controls="template-panel"
          tabIndex={kind === value ? 0 : -1}
          className="kind-tab"
          data-testid={`template-tab-${kind}`}
          onClick={() => onChange(kind)}
        >
          {KIND_INFO[kind].label}
          {modified[kind] && <span className="dot dot-dirty" title="Unsaved changes" aria-label="unsaved changes" />}
          {problems[kind] > 0 && (
            <span className="badge badge-warn" title={`${problems[kind]} template problems`}>
              {problems[kind]}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
