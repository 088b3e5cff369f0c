import { useEffect, useState } from 'react';
import type { ArtefactRecord } from '../../../shared/domain/incident';
import { artefactContent, type ArtefactContent } from '../../lib/artefact-cache';

/** The artefact's bytes as the window shows them, null while they come. */
/** `load: false` for a tile that shows no content (a PDF): nothing is fetched until the viewer asks. */
export function useArtefactContent(incidentId: string, artefact: ArtefactRecord, load = true): ArtefactContent | null {
  const [content, setContent] = useState<{ hash: string; content: ArtefactContent } | null>(null);
  useEffect(() => {
    if (!load) return;
    let live = true;
    void artefactContent(incidentId, artefact).then((c) => live && setContent({ hash: artefact.hash, content: c }));
    return () => {
      live = false;
    };
  }, [incidentId, artefact.id, artefact.hash, load]);
  return content?.hash === artefact.hash ? content.content : null;
}
