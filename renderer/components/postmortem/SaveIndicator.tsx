import { formatClock } from '../../lib/time';
import { summarizeSaves, useSaveStatus } from './save-status-store';

/** One line for the whole review: edits save themselves, and this says whether they did. */
export function SaveIndicator() {
  const fields = useSaveStatus((s) => s.fields);
  const { saving, errors, lastSavedAt } = summarizeSaves(fields);
  if (errors.length > 0) {
    const first = errors[0]!;
    return (
      <span className="save-state is-error" data-testid="pm-save-state" data-state="error" role="alert" title={errors.map((e) => `${e.label}: ${e.message}`).join('\n')}>
        <span className="save-dot" aria-hidden="true" />
        {errors.length === 1 ? `${first.label} not saved` : `${errors.length} edits not saved`}
      </span>
    );
  }
  if (saving > 0) {
    return (
      <span className="save-state is-saving" data-testid="pm-save-state" data-state="saving">
        <span className="save-dot" aria-hidden="true" />
        Saving…
      </span>
    );
  }
  if (lastSavedAt !== null) {
    return (
      <span className="save-state is-saved" data-testid="pm-save-state" data-state="saved">
        <span className="save-dot" aria-hidden="true" />
        All changes saved · {formatClock(lastSavedAt)}
      </span>
    );
  }
  return (
    <span className="save-state" data-testid="pm-save-state" data-state="idle">
      Edits save as you type
    </span>
  );
}
