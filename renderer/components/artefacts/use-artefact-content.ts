import { useEffect, useState } from 'react';
import type { ArtefactRecord } from '../../../shared/domain/incident';
import { artefactContent, type ArtefactContent } from '../../lib/artefact-cache';

/** A file not here yet (a teammate's, still on its way through the team database) is asked for again on this beat. */
const RETRY_MS = 15_000;

/** The artefact's bytes as the window shows them, null while they come. */
/** `load: false` for a tile that shows no content (a PDF): nothing is fetched until the viewer asks. */
export function useArtefactContent(incidentId: string, artefact: ArtefactRecord, load = true): ArtefactContent | null {
  const [content, setContent] = useState<{ hash: string; content: ArtefactContent } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!load) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | null = null;
    void artefactContent(incidentId, artefact).then((c) => {
      if (!live) return;
      setContent({ hash: artefact.hash, content: c });
      if (c.kind === 'missing') retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
    });
    return () => {
      live = false;
      if (retry) clearTimeout(retry);
    };
  }, [incidentId, artefact.id, artefact.hash, load, attempt]);
  return content?.hash === artefact.hash ? content.content : null;
}
