import type { ArtefactRecord } from '../../../shared/domain/incident';
import { isImage, isText } from '../../lib/artefact-cache';
import { formatBytes } from '../../lib/files';
import { viewArtefact } from '../../store/artefact-viewer-store';
import { useArtefactContent } from './use-artefact-content';

function firstLines(text: string, lines: number): string {
  return text.split('\n', lines).join('\n');
}

/**
 * What a tile shows of an artefact: the image scaled down, a snippet's first lines, or the kind
 * of file. A picture of the file, hidden from assistive technology: the tile's name says which.
 */
export function ArtefactFace({ incidentId, artefact, lines }: { incidentId: string; artefact: ArtefactRecord; lines: number }) {
  const shown = isImage(artefact) || isText(artefact);
  const content = useArtefactContent(incidentId, artefact, shown);
  // A teammate's file the team database could not give yet is "not here yet", and asked for again.
  const missing = content?.kind === 'missing' ? (content.offline ? 'not here yet' : 'missing') : null;
  if (isImage(artefact)) {
    return content?.kind === 'image' ? (
      <img className="af-img" src={content.url} alt="" draggable={false} />
    ) : (
      <span className="af-wait" aria-hidden="true">
        {missing ?? '…'}
      </span>
    );
  }
  if (isText(artefact)) {
    return (
      <pre className="af-snippet" data-testid="artefact-snippet" aria-hidden="true">
        {content?.kind === 'text' ? firstLines(content.text, lines) : (missing ?? '…')}
      </pre>
    );
  }
  return (
    <span className="af-file" aria-hidden="true">
      {artefact.mime === 'application/pdf' ? 'PDF' : 'FILE'}
    </span>
  );
}

/**
 * One artefact as a tile of fixed size that opens it full size. Named by its content (the file's
 * name, then its size), not an aria-label: a label would have to repeat a snippet's visible lines.
 */
export function ArtefactThumb({ incidentId, artefact, lines = 2 }: { incidentId: string; artefact: ArtefactRecord; /** Of a snippet, shown on its tile. */ lines?: number }) {
  const more = `, ${formatBytes(artefact.size)} — open`;
  return (
    <button
      type="button"
      className={`af-thumb is-${isImage(artefact) ? 'image' : isText(artefact) ? 'text' : 'file'}`}
      data-testid="artefact-thumb"
      data-artefact-name={artefact.name}
      title={`${artefact.name}${more}`}
      onClick={() => viewArtefact(incidentId, artefact)}
    >
      <ArtefactFace incidentId={incidentId} artefact={artefact} lines={lines} />
      <span className="af-name">{artefact.name}</span>
      <span className="visually-hidden">{more}</span>
    </button>
  );
}
