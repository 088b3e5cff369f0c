import type { PartsPlan } from './log-in-parts';

interface Props {
  plan: PartsPlan;
  length: number;
  max: number;
  /** Parts logged so far while logging, else null. */
  progress: number | null;
  error: string | null;
  /** How the prefixes were read (`Finding · Technical lead`): every part is logged that way. */
  summary: string | null;
  onAccept: () => void;
}

/** A text longer than one entry: offer to log it whole, as numbered entries, rather than cut it. */
export function EntrySplitOffer({ plan, length, max, progress, error, summary, onAccept }: Props) {
  const count = plan.parts.length;
  return (
    <div className="entry-split" data-testid="entry-split" role="status">
      {summary && <span className="entry-reading-summary">→ {summary}</span>}
      <span className="entry-split-what">
        This text is {length.toLocaleString()} characters; one entry holds at most {max.toLocaleString()}.
      </span>
      <button type="button" className="btn btn-sm btn-primary" data-testid="entry-split-accept" disabled={progress !== null} onClick={onAccept}>
        {progress === null ? `Log as ${count} entries` : `Logging part ${Math.min(progress + 1, count)} of ${count}…`}
      </button>
      <span className="entry-split-how">
        in order, marked (part 1/{count}), (part 2/{count})… · <kbd>Enter</kbd> does the same · nothing is cut
      </span>
      {error && (
        <span className="form-error" role="alert" data-testid="entry-error">
          {error}
        </span>
      )}
    </div>
  );
}
