import { create } from 'zustand';
import type { PendingFile } from '../lib/artefact-paste';

interface AttachmentStore {
  /** Files waiting to go with the next line, per incident (the scribe box and the resolve prompt both add to it). */
  pending: Readonly<Record<string, readonly PendingFile[]>>;
  /** Why the last files were not attached, per incident, shown beside the scribe box. */
  refusal: Readonly<Record<string, string | null>>;
}

export const useAttachments = create<AttachmentStore>(() => ({ pending: {}, refusal: {} }));

const NONE: readonly PendingFile[] = [];

export const pendingFor = (incidentId: string) => useAttachments.getState().pending[incidentId] ?? NONE;
export const usePending = (incidentId: string) => useAttachments((s) => s.pending[incidentId] ?? NONE);
export const useRefusal = (incidentId: string) => useAttachments((s) => s.refusal[incidentId] ?? null);

export function addPending(incidentId: string, files: readonly PendingFile[]): void {
  if (files.length === 0) return;
  useAttachments.setState((s) => ({
    pending: { ...s.pending, [incidentId]: [...(s.pending[incidentId] ?? NONE), ...files] },
    refusal: { ...s.refusal, [incidentId]: null },
  }));
}

export function removePending(incidentId: string, keys: readonly string[]): void {
  useAttachments.setState((s) => ({ pending: { ...s.pending, [incidentId]: (s.pending[incidentId] ?? NONE).filter((p) => !keys.includes(p.key)) } }));
}

export function setRefusal(incidentId: string, refusal: string | null): void {
  useAttachments.setState((s) => ({ refusal: { ...s.refusal, [incidentId]: refusal } }));
}
