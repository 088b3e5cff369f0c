import { useCallback, useState } from 'react';
import type { CommandError } from '../../../shared/contract/result';
import { api } from '../../api';
import { openHtml } from '../../lib/files';
import { useMounted } from '../../lib/use-mounted';

export type Printout = { state: 'running' } | { state: 'done'; left: string[] } | { state: 'failed'; error: CommandError };

/**
 * The printable post-mortem, made by the engine with the screenshots inside the page (a
 * teammate's fetched first), then opened in a tab or saved. What it could not show is kept to say.
 */
export function usePrintout(incidentId: string) {
  const [printout, setPrintout] = useState<Printout | null>(null);
  const live = useMounted();

  const start = useCallback(async () => {
    setPrintout({ state: 'running' });
    const result = await api.call('postmortem.print', { incidentId });
    if (!live.current) return;
    if (!result.ok) {
      setPrintout({ state: 'failed', error: result.error });
      return;
    }
    openHtml(result.value.html, result.value.fileName);
    setPrintout({ state: 'done', left: result.value.left });
  }, [incidentId]);

  return { printout, start, dismiss: () => setPrintout(null) };
}
