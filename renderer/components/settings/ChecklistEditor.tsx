import { useRef } from 'react';
import { CHECKLIST_LIMITS } from '../../../shared/guidance/checklists';
import type { Severity } from '../../../shared/domain/incident';
import { FieldError, invalidProps } from './FieldError';
import type { FieldErrors } from './field-errors';
import { moveItem, removeItem } from './checklists-form';

interface Props {
  severity: Severity;
  items: string[];
  errors: FieldErrors;
  /** `path` names what was edited, so its message clears. */
  onChange: (items: string[], path: string) => void;
}

const afterDraw = (fn: () => void) => requestAnimationFrame(fn);

/** One severity's checklist: edit each line, move it up or down, remove it, add one at the end. */
export function ChecklistEditor({ severity, items, errors, onChange }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const base = `checklists.${severity}`;
  // After a move or removal, focus stays with the item (or its neighbour), not lost to the page.
  const focusLater = (selector: string) => afterDraw(() => listRef.current?.querySelector<HTMLElement>(selector)?.focus());
  const full = items.length >= CHECKLIST_LIMITS.items;

  return (
    <div className="checklist-editor">
      <ol className="checklist-edit-list" ref={listRef} data-testid="checklist-edit-list">
        {items.map((item, i) => {
          const path = `${base}.${i}`;
          const error = errors[path];
          return (
            <li key={i} className="checklist-edit-item" data-testid="checklist-edit-item">
              <span className="checklist-edit-n" aria-hidden="true">
                {i + 1}
              </span>
              <div className="checklist-edit-field">
                <input
                  className="input"
                  dir="auto"
                  data-testid={`checklist-item-${i}`}
                  aria-label={`${severity} item ${i + 1}`}
                  maxLength={CHECKLIST_LIMITS.itemLength + 50}
                  value={item}
                  onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)), path)}
                  {...invalidProps(path, error)}
                />
                <FieldError path={path} message={error} />
              </div>
              <span className="checklist-edit-actions">
                <button
                  type="button"
                  className="btn btn-sm btn-icon btn-quiet"
                  aria-label={`Move item ${i + 1} up`}
                  title="Move up"
                  data-testid={`checklist-up-${i}`}
                  disabled={i === 0}
                  onClick={() => {
                    onChange(moveItem(items, i, -1), base);
                    focusLater(`[data-testid="checklist-up-${i - 1}"]:not(:disabled), [data-testid="checklist-down-${i - 1}"]`);
                  }}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-sm btn-icon btn-quiet"
                  aria-label={`Move item ${i + 1} down`}
                  title="Move down"
                  data-testid={`checklist-down-${i}`}
                  disabled={i === items.length - 1}
                  onClick={() => {
                    onChange(moveItem(items, i, 1), base);
                    focusLater(`[data-testid="checklist-down-${i + 1}"]:not(:disabled), [data-testid="checklist-up-${i + 1}"]`);
                  }}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-sm btn-icon btn-quiet"
                  aria-label={`Remove item ${i + 1}`}
                  title="Remove"
                  data-testid={`checklist-remove-${i}`}
                  onClick={() => {
                    onChange(removeItem(items, i), base);
                    focusLater(`[data-testid="checklist-item-${Math.min(i, items.length - 2)}"], [data-testid="checklist-add"]`);
                  }}
                >
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {items.length === 0 && <p className="field-help">No checklist at {severity}: the war room shows none. Add an item to start one.</p>}
      <FieldError path={base} message={errors[base]} />
      <div className="checklist-edit-foot">
        <button
          type="button"
          className="btn btn-sm"
          data-testid="checklist-add"
          disabled={full}
          onClick={() => {
            onChange([...items, ''], base);
            focusLater(`[data-testid="checklist-item-${items.length}"]`);
          }}
        >
          + Add item
        </button>
        <span className="field-help">
          {items.length} of at most {CHECKLIST_LIMITS.items} items · one line each, up to {CHECKLIST_LIMITS.itemLength} characters
        </span>
      </div>
    </div>
  );
}
