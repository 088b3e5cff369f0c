import type { EntryKind, RoleKey } from '../../shared/domain/incident';
import { ROLE_LABELS } from '../../shared/domain/incident';
import { parseEntry, type ParsedEntry } from '../../shared/domain/entry-parser';
import { KIND_LABELS } from '../lib/labels';
import { formatClock } from '../lib/time';

export type ScribeKind = Exclude<EntryKind, 'system'>;

/** What will be logged: the shared parser reads `/d @tl ~14:32 text`; the picker is the fallback kind. */
export function readEntry(text: string, pickedKind: ScribeKind, people: string[], now = Date.now()): ParsedEntry {
  const parsed = parseEntry(text, { now, people });
  return parsed.kind === 'note' ? { ...parsed, kind: pickedKind } : parsed;
}

export interface Reading {
  /** What the prefixes changed, e.g. `Decision · Technical lead · at 14:32:00`. */
  summary: string | null;
  hints: string[];
}

/** How the prefixes were read, or null when they changed nothing worth saying. */
export function describeReading(entry: ParsedEntry, pickedKind: ScribeKind): Reading | null {
  const parts: string[] = [];
  if (entry.kind !== pickedKind) parts.push(KIND_LABELS[entry.kind]);
  if (entry.attribution) parts.push(ROLE_LABELS[entry.attribution as RoleKey] ?? entry.attribution);
  if (entry.occurredAt !== null) parts.push(`at ${formatClock(entry.occurredAt)}`);
  if (parts.length === 0 && entry.hints.length === 0) return null;
  return { summary: parts.length > 0 ? parts.join(' · ') : null, hints: entry.hints };
}
