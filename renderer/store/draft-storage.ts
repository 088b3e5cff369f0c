import { hasStrings, isRecord } from '../lib/saved-forms';
import type { DraftWork } from './draft-store';

// Update drafts survive a reload like the scribe's line: all of them under one key, rewritten on
// every change (a handful of texts of at most 10 000 characters each).

const KEY = 'commandPost.updateDrafts';

function isDraftWork(value: unknown): value is DraftWork {
  if (!isRecord(value) || !hasStrings(value, ['draftId', 'body', 'channel', 'recipients'])) return false;
  if (typeof value.bodyEdited !== 'boolean' || !isRecord(value.extras) || !Array.isArray(value.problems)) return false;
  const extrasOk = Object.values(value.extras).every((v) => typeof v === 'string' || v === undefined);
  const problemsOk = value.problems.every((p) => isRecord(p) && typeof p.line === 'number' && typeof p.message === 'string');
  return extrasOk && problemsOk;
}

/** The drafts kept on this machine; a damaged one is left out, never trusted. */
export function loadDraftWorks(): Record<string, DraftWork> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (!isRecord(raw)) return {};
    return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, DraftWork] => isDraftWork(entry[1])));
  } catch {
    return {};
  }
}

export function storeDraftWorks(drafts: Record<string, DraftWork>): void {
  try {
    if (Object.keys(drafts).length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(drafts));
  } catch {
    // Storage full or disabled: the drafts are still in memory.
  }
}
