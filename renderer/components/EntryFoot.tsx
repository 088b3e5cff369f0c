import type { ReactNode } from 'react';
import type { Reading } from './entry-preview';

interface Props {
  error: string | null;
  reading: Reading | null;
  /** What a first Enter warned about (a time that wrapped far back), waiting for the second. */
  confirm: string | null;
  /** Enter was pressed on a doubtful line (`//h`): say that the next Enter logs it as typed. */
  confirmAsTyped?: boolean;
  /** Typing past the limit was refused: why, in words. */
  limit?: string | null;
  /** The length counter, at the end of the line (it draws nothing far from the limit). */
  counter?: ReactNode;
}

/** Under the entry box: a limit or refusal, else a pending confirmation, else how the prefixes were read, else the keys. */
export function EntryFoot({ error, reading, confirm, confirmAsTyped = false, limit = null, counter = null }: Props) {
  let content;
  if (limit) {
    content = (
      <span className="entry-limit" role="status" data-testid="entry-limit">
        {limit}
      </span>
    );
  } else if (error) {
    content = (
      <span className="form-error" role="alert" data-testid="entry-error">
        {error}
      </span>
    );
  } else if (confirm) {
    content = (
      <span className="entry-confirm" role="alert" data-testid="entry-confirm">
        {confirm}
      </span>
    );
  } else if (reading) {
    content = (
      <span className="entry-reading" data-testid="entry-reading">
        {reading.summary && <span className="entry-reading-summary">→ {reading.summary}</span>}
        {reading.hints.map((hint) => (
          <span key={hint} className="entry-reading-hint">
            {hint}
          </span>
        ))}
        {confirmAsTyped && (
          <span className="entry-confirm" role="status" data-testid="entry-confirm">
            <kbd>Enter</kbd> again logs it as typed, as a note — or correct the prefix.
          </span>
        )}
      </span>
    );
  } else {
    content = (
      <span className="entry-hint">
        <kbd>Enter</kbd> log · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line · <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>L</kbd>{' '}
        to write · prefixes <kbd>/d</kbd> <kbd>/h</kbd> <kbd>/a</kbd> <kbd>/f</kbd> <kbd>/m</kbd> <kbd>/c</kbd>{' '}
        <kbd>/todo</kbd> · <kbd>@tl</kbd> who · <kbd>~14:32</kbd> when
      </span>
    );
  }
  return (
    <div className="entry-foot">
      {content}
      {counter}
    </div>
  );
}
