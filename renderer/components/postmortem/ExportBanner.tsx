import { formatBytes } from '../../lib/files';
import { type BundleExport, useElapsed } from './use-bundle-export';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Under the header while a bundle is made, then what went into it. */
export function ExportBanner({ exporting, onDismiss }: { exporting: BundleExport; onDismiss: () => void }) {
  const elapsed = useElapsed(exporting.state === 'running' ? exporting.startedAt : null);
  if (exporting.state === 'running') {
    return (
      <div className="pm-banner is-running" role="status" data-testid="export-progress">
        <span className="spinner" aria-hidden="true" />
        <span>
          Exporting {exporting.events.toLocaleString()} {exporting.events === 1 ? 'event' : 'events'}…
        </span>
        <span className="pm-banner-time">{seconds(elapsed)}</span>
      </div>
    );
  }
  if (exporting.state === 'failed') {
    return (
      <div className="pm-banner is-error" role="alert" data-testid="export-error">
        <span>
          <b>Export failed.</b> {exporting.error.message}
        </span>
        <button type="button" className="icon-btn pm-banner-close" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
    );
  }
  const { file, tookMs } = exporting;
  return (
    <div className="pm-banner is-done" role="status" data-testid="export-result">
      <span className="pm-banner-main">
        <span>
          Saved <b className="transfer-file" data-testid="export-file-name">{file.fileName}</b> · {formatBytes(file.bytes)} · {seconds(tookMs)}
        </span>
        <ul className="export-contents" aria-label="Files in the bundle" data-testid="export-contents">
          {file.contents.map((name) => (
            <li key={name} className="export-file">
              {name}
            </li>
          ))}
        </ul>
      </span>
      <button type="button" className="icon-btn pm-banner-close" aria-label="Dismiss" data-testid="export-dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
