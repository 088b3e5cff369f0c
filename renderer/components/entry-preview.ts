import type { RoleKey, ScribeKind } from '../../shared/domain/incident';
import { ROLE_LABELS } from '../../shared/domain/incident';
import { needsWrapConfirmation, parseEntry, type ParsedEntry } from '../../shared/domain/entry-parser';
import { formatAgo, formatClockIn, formatShortDate } from '../../shared/time/format';
import { dayKey, shiftDays, type TimeZone } from '../../shared/time/zone';
import { KIND_LABELS } from '../lib/labels';

/** What a person may log an entry as: never the engine's own system or alert lines. */
export type { ScribeKind };

/** What will be logged: the shared parser reads `/d @tl ~14:32 text`; the picker is the fallback kind. */
export function readEntry(text: string, pickedKind: ScribeKind, people: string[], now: number, timeZone: TimeZone): ParsedEntry {
  const parsed = parseEntry(text, { now, people, timeZone });
  return parsed.kind === 'note' ? { ...parsed, kind: pickedKind } : parsed;
}

export interface Reading {
  /** What the prefixes changed, e.g. `Decision · Technical lead · at 14:32:00 today (28 min ago)`. */
  summary: string | null;
  hints: string[];
}

/** `today`, `yesterday` or `Thu 19 Nov`: the day a time falls on, seen from now. */
function dayWord(at: number, now: number, zone: TimeZone): string {
  const day = dayKey(at, zone);
  if (day === dayKey(now, zone)) return 'today';
  if (day === dayKey(shiftDays(now, -1, zone), zone)) return 'yesterday';
  return formatShortDate(at, zone);
}

/** `03:50:00 yesterday, Sat 21 Nov (23 h ago)`: never a bare clock time for another day. */
export function describeWhen(at: number, now: number, zone: TimeZone): string {
  const word = dayWord(at, now, zone);
  const date = word === 'today' ? 'today' : word === 'yesterday' ? `yesterday, ${formatShortDate(at, zone)}` : word;
  return `${formatClockIn(at, zone)} ${date} (${formatAgo(now - at)})`;
}

/** What the first Enter says when a time wrapped far back to yesterday; null when none is needed. */
export function wrapWarning(entry: ParsedEntry, now: number, zone: TimeZone): string | null {
  if (entry.occurredAt === null || !needsWrapConfirmation(entry, now)) return null;
  const when = `${dayWord(entry.occurredAt, now, zone)} ${formatClockIn(entry.occurredAt, zone, false)}`;
  return `This files the entry ${formatAgo(now - entry.occurredAt)}, ${when} — press Enter again to confirm`;
}

/** How the prefixes were read, or null when they changed nothing worth saying. */
export function describeReading(entry: ParsedEntry, pickedKind: ScribeKind, now: number, zone: TimeZone): Reading | null {
  const parts: string[] = [];
  if (entry.kind !== pickedKind) parts.push(KIND_LABELS[entry.kind]);
  if (entry.attribution) parts.push(Object.hasOwn(ROLE_LABELS, entry.attribution) ? ROLE_LABELS[entry.attribution as RoleKey] : entry.attribution);
  if (entry.occurredAt !== null) parts.push(`at ${describeWhen(entry.occurredAt, now, zone)}`);
  if (parts.length === 0 && entry.hints.length === 0) return null;
  return { summary: parts.length > 0 ? parts.join(' · ') : null, hints: entry.hints };
}
