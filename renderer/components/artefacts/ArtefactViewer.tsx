import * as Dialog from '@radix-ui/react-dialog';
import type { ArtefactRecord } from '../../../shared/domain/incident';
import { isImage } from '../../lib/artefact-cache';
import { formatBytes, saveBlob } from '../../lib/files';
import { formatUtc } from '../../lib/time';
import { closeArtefact, useArtefactViewer } from '../../store/artefact-viewer-store';
import { returnFocus } from '../focus-return';
import { useArtefactContent } from './use-artefact-content';
import './artefacts.css';

/** The artefact open at full size; mounted once per screen that shows artefacts. */
export function ArtefactViewer() {
  const viewing = useArtefactViewer((s) => s.viewing);
  if (!viewing) return null;
  return <ArtefactDialog key={viewing.artefact.id} incidentId={viewing.incidentId} artefact={viewing.artefact} />;
}

/**
 * An image scaled to fit, text in a scrollable block (markup included, never rendered), a PDF
 * offered as a download and never embedded: nothing in an artefact is ever run.
 */
function ArtefactDialog({ incidentId, artefact }: { incidentId: string; artefact: ArtefactRecord }) {
  const content = useArtefactContent(incidentId, artefact);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && closeArtefact()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog af-viewer" data-testid="artefact-viewer" onCloseAutoFocus={returnFocus}>
          <div className="af-viewer-head">
            <Dialog.Title className="dialog-title af-viewer-title" title={artefact.name}>
              {artefact.name}
            </Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="btn btn-small" data-testid="artefact-viewer-close">
                Close
              </button>
            </Dialog.Close>
          </div>
          <Dialog.Description className="dialog-description af-facts" data-testid="artefact-facts">
            {formatBytes(artefact.size)} · {artefact.mime} · attached by {artefact.by} at {formatUtc(artefact.at)}
            <span className="af-hash" title="sha-256 of the bytes, as in the bundle's manifest">
              sha-256 {artefact.hash}
            </span>
          </Dialog.Description>
          {artefact.note && (
            <p className="af-note" data-testid="artefact-note">
              {artefact.note}
            </p>
          )}
          <div className={`af-body${isImage(artefact) ? ' is-image' : ''}`}>
            {content === null && <p className="af-wait">Loading…</p>}
            {content?.kind === 'missing' && (
              <p className="form-error" role="alert">
                {content.message}
              </p>
            )}
            {content?.kind === 'image' && <img className="af-full" src={content.url} alt={artefact.name} data-testid="artefact-image" />}
            {content?.kind === 'text' && (
              <pre className="af-fulltext" data-testid="artefact-text" tabIndex={0}>
                {content.text}
              </pre>
            )}
            {content?.kind === 'download' && (
              <p className="af-download">
                A {artefact.mime === 'application/pdf' ? 'PDF' : 'file'} is never opened inside the console.{' '}
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  data-testid="artefact-download"
                  onClick={() => saveBlob(new Blob([content.bytes], { type: artefact.mime }), artefact.name)}
                >
                  Download {artefact.name}
                </button>
              </p>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
