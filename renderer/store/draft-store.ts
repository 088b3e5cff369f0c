import { create } from 'zustand';
import type { DraftKind } from '../../shared/domain/incident';
import type { DraftExtras } from '../../shared/domain/drafts/values';
import type { TemplateProblem } from '../../shared/domain/drafts/render';
import { loadDraftWorks, storeDraftWorks } from './draft-storage';

/** One update being written: kept until it is logged as sent or discarded, so closing the dialog or a reload loses nothing. */
export interface DraftWork {
  /** Made once per draft; the approval and the sent update are tied to it. */
  draftId: string;
  extras: DraftExtras;
  body: string;
  /** The comms lead typed in the body: live state no longer rewrites it. */
  bodyEdited: boolean;
  problems: TemplateProblem[];
  channel: string;
  recipients: string;
}

interface DraftStore {
  drafts: Record<string, DraftWork>;
}

export const useDrafts = create<DraftStore>(() => ({ drafts: loadDraftWorks() }));
useDrafts.subscribe((state) => storeDraftWorks(state.drafts));

export const draftKey = (incidentId: string, kind: DraftKind) => `${incidentId}:${kind}`;

export function saveDraftWork(key: string, work: DraftWork): void {
  useDrafts.setState((s) => ({ drafts: { ...s.drafts, [key]: work } }));
}

export function dropDraftWork(key: string): void {
  useDrafts.setState((s) => {
    const { [key]: _, ...rest } = s.drafts;
    return { drafts: rest };
  });
}

export function newDraftId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
