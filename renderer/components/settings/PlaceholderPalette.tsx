import { PLACEHOLDER_NAMES } from '../../../shared/domain/drafts/values';

interface Props {
  onInsert: (name: string) => void;
}

/** Every placeholder a template may use; a click puts it at the caret. */
export function PlaceholderPalette({ onInsert }: Props) {
  return (
    <div className="palette" role="group" aria-label="Insert a placeholder">
      <span className="palette-label" aria-hidden="true">
        Insert
      </span>
      {PLACEHOLDER_NAMES.map((name) => (
        <button
          key={name}
          type="button"
          className="chip"
          data-testid="placeholder-chip"
          title={`Insert {{${name}}} at the caret`}
          aria-label={`Insert {{${name}}}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onInsert(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
