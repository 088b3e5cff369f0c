import type { ArtefactRecord } from '../../../shared/domain/incident';
import { isImage, isText } from '../../lib/artefact-cache';
import { formatBytes } from '../../lib/files';
import { viewArtefact } from '../../store/artefact-viewer-store';
import { useArtefactContent } from './use-artefact-content';

function firstLines(text: string, lines: number): string {
  return text.split('\n', lines).join('\n');
}

/** One artefact as a tile of fixed size: an image scaled down, a snippet's first lines, or a named file. */
export function ArtefactThumb({ incidentId, artefact, lines = 2 }: { incidentId: string; artefact: ArtefactRecord; /** Of a snippet, shown on its tile. */ lines?: number }) {
  const shown = isImage(artefact) || isText(artefact);
  const content = useArtefactContent(incidentId, artefact, shown);
  const label = `${artefact.name}, ${formatBytes(artefact.size)} — open`;
  const missing = content?.kind === 'missing' ? (content.offline ? 'not here yet' : 'missing') : null;
  let body;
  if (isImage(artefact)) {
    body = content?.kind === 'image' ? <img className="af-img" src={content.url} alt="" draggable={false} /> : <span className="af-wait">{missing ?? '…'}</span>;
  } else if (isText(artefact)) {
    body = (
      <pre className="af-snippet" data-testid="artefact-snippet">
        {content?.kind === 'text' ? firstLines(content.text, lines) : (missing ?? '…')}
      </pre>
    );
  } else {
    body = <span className="af-file">{artefact.mime === 'application/pdf' ? 'PDF' : 'FILE'}</span>;
  }
  return (
    <button
      type="button"
      className={`af-thumb is-${isImage(artefact) ? 'image' : isText(artefact) ? 'text' : 'file'}`}
      data-testid="artefact-thumb"
      data-artefact-name={artefact.name}
      title={content?.kind === 'missing' ? `${label}\n${content.message}` : label}
      aria-label={label}
      onClick={() => viewArtefact(incidentId, artefact)}
    >
      {body}
      <span className="af-name">{artefact.name}</span>
    </button>
  );
}
