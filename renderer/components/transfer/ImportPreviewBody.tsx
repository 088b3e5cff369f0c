import type { ImportPreview } from '../../../shared/domain/import-preview';
import { formatMoment } from '../../lib/time';

interface Props {
  incidentId: string;
  alreadyHad: number;
  preview: ImportPreview;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * What a bundle would do to an incident already here, before anything is written: how many
 * events of each kind, and every decision it would record (status, severity, roles, approvals,
 * escalation), with who the file says made it. Cancel is the default.
 */
export function ImportPreviewBody({ incidentId, alreadyHad, preview, onCancel, onConfirm }: Props) {
  const now = Date.now();
  return (
    <>
      <div className="transfer-preview" data-testid="import-preview">
        <p className="transfer-result-line">
          This bundle would add <b data-testid="import-preview-events">{preview.events.toLocaleString()}</b> {preview.events === 1 ? 'event' : 'events'} to{' '}
          <span className="transfer-file">{incidentId}</span> (already here: {alreadyHad.toLocaleString()}). Nothing is written until you merge.
        </p>
        {preview.changes.length > 0 ? (
          <>
            <h3 className="transfer-preview-heading">
              It would record {preview.changes.length} {preview.changes.length === 1 ? 'decision' : 'decisions'}
            </h3>
            <ol className="transfer-changes" data-testid="import-preview-changes">
              {preview.changes.map((change, i) => (
                <li key={i}>
                  <span className={`transfer-change-kind is-${change.kind}`}>{change.kind}</span> {change.text}
                  <span className="transfer-change-by">
                    {' '}
                    — {change.actor || 'no author'}, {formatMoment(change.at, now)}
                  </span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="transfer-result-sub">It records no change of status, severity, roles, approvals or escalation.</p>
        )}
        <table className="transfer-counts">
          <caption>Events by kind</caption>
          <tbody>
            {preview.counts.map((c) => (
              <tr key={c.type}>
                <th scope="row">{c.type}</th>
                <td>{c.count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" data-testid="import-cancel" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={`btn ${preview.changes.length > 0 ? 'btn-danger' : 'btn-primary'}`} data-testid="import-confirm" onClick={onConfirm}>
          Merge {preview.events.toLocaleString()} {preview.events === 1 ? 'event' : 'events'}
        </button>
      </div>
    </>
  );
}
