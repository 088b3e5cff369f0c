import type { FormState } from './draft-store';

interface Props {
  dirty: boolean;
  state: FormState;
  onDiscard: () => void;
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function statusText({ dirty, state }: Props): { text: string; tone: string } {
  if (state.status === 'saving') return { text: 'Saving…', tone: 'busy' };
  if (state.status === 'failed') {
    const fields = Object.keys(state.errors).filter((k) => k !== '').length;
    return { text: fields > 0 ? 'Not saved — see the marked fields' : 'Not saved', tone: 'failed' };
  }
  if (dirty) return { text: 'Unsaved changes', tone: 'dirty' };
  if (state.status === 'saved' && state.savedAt !== null) return { text: `Saved at ${clock(state.savedAt)}`, tone: 'saved' };
  return { text: 'All changes saved', tone: 'quiet' };
}

/** The foot of a section: where it stands, and the buttons that keep or drop the changes. */
export function SaveBar(props: Props) {
  const { dirty, state, onDiscard } = props;
  const status = statusText(props);
  const general = state.errors[''];
  return (
    <footer className="save-bar">
      <div className="save-bar-status" aria-live="polite">
        <span className={`save-status save-status-${status.tone}`} data-testid="save-status">
          {status.text}
        </span>
        {general && (
          <span className="save-bar-error" role="alert" data-testid="form-error">
            {general}
          </span>
        )}
      </div>
      <div className="save-bar-actions">
        <span className="save-bar-hint" aria-hidden="true">
          <kbd>Ctrl</kbd> <kbd>S</kbd>
        </span>
        <button type="button" className="btn btn-quiet" onClick={onDiscard} disabled={!dirty || state.status === 'saving'}>
          Discard
        </button>
        <button type="submit" className="btn btn-primary" data-testid="save-section" disabled={state.status === 'saving'}>
          Save
        </button>
      </div>
    </footer>
  );
}
