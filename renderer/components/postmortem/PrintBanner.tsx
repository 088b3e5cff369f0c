import type { Printout } from './use-printout';

/** Said only when the printout is not the whole review: why it failed, or which files it could not show. */
export function PrintBanner({ printout, onDismiss }: { printout: Printout; onDismiss: () => void }) {
  if (printout.state === 'running' || (printout.state === 'done' && printout.left.length === 0)) return null;
  const close = (
    <button type="button" className="icon-btn pm-banner-close" aria-label="Dismiss" data-testid="print-dismiss" onClick={onDismiss}>
      ×
    </button>
  );
  if (printout.state === 'failed') {
    return (
      <div className="pm-banner is-error" role="alert" data-testid="print-error">
        <span>
          <b>Print failed.</b> {printout.error.message}
        </span>
        {close}
      </div>
    );
  }
  return (
    <div className="pm-banner is-warn" role="status" data-testid="print-left">
      <span className="pm-banner-main">
        <b>Printed without {printout.left.length === 1 ? 'one file' : `${printout.left.length} files`}:</b>
        <ul className="print-left-list">
          {printout.left.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </span>
      {close}
    </div>
  );
}
