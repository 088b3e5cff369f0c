import { useCallback, useEffect, useState } from 'react';
import type { ExportedFile } from '../../../shared/contract/contract';
import type { CommandError } from '../../../shared/contract/result';
import { api } from '../../api';
import { base64ToBytes, saveBlob } from '../../lib/files';
import { useMounted } from '../../lib/use-mounted';

export type BundleExport =
  | { state: 'running'; startedAt: number; events: number }
  | { state: 'done'; file: ExportedFile; tookMs: number }
  | { state: 'failed'; error: CommandError; tookMs: number };

/** The post-mortem bundle (with the private responder-hours file only when asked): made by the engine, saved by the browser as a .zip. */
export function useBundleExport(incidentId: string) {
  const [exporting, setExporting] = useState<BundleExport | null>(null);
  const live = useMounted();

  const start = useCallback(
    async (events: number, includeResponderToll = false) => {
      const startedAt = performance.now();
      setExporting({ state: 'running', startedAt, events });
      // Asked for only when ticked: otherwise the request is what it always was.
      const result = await api.call('bundle.export', { incidentId, ...(includeResponderToll ? { includeResponderToll } : {}) });
      const tookMs = performance.now() - startedAt;
      if (!result.ok) {
        if (live.current) setExporting({ state: 'failed', error: result.error, tookMs });
        return;
      }
      const file = result.value;
      saveBlob(new Blob([base64ToBytes(file.base64)], { type: file.mimeType }), file.fileName);
      if (live.current) setExporting({ state: 'done', file, tookMs });
    },
    [incidentId],
  );

  return { exporting, start, dismiss: () => setExporting(null) };
}

/** Ticks while something runs, for an elapsed-time label. */
export function useElapsed(since: number | null): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, now - since);
}
