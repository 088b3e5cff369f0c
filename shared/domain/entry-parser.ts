import { instantOf, machineTimeZone, shiftDays, type TimeZone, wallTime } from '../time/zone';
import type { RoleKey, ScribeKind } from './incident';

/**
 * What the scribe typed, read the way they meant it: `/d @tl ~14:32 roll back 4711` is a
 * decision attributed to the technical lead at 14:32 today. Only leading tokens are read;
 * anything the parser does not understand stays in the text with a hint, never eaten.
 */
export interface ParsedEntry {
  kind: ScribeKind;
  text: string;
  /** A role key or a person's name. */
  attribution: string | null;
  /** Epoch ms when backdated; null means "now". */
  occurredAt: number | null;
  /** A clock time later than now, read as that time yesterday. */
  wrapped: boolean;
  hints: string[];
  /** A reading the scribe probably did not mean (a line starting with `//`): ask before logging it. */
  warning?: string;
  /** Why Enter must not file this line as typed (a time in the future), or null. */
  refusal: string | null;
}

/** A wrap that lands further back than this was probably a typo, so it is confirmed first. */
export const WRAP_CONFIRM_MS = 3_600_000;

/** Whether filing the entry needs the scribe to confirm the day it lands on. */
export function needsWrapConfirmation(entry: Pick<ParsedEntry, 'occurredAt' | 'wrapped'>, now: number): boolean {
  return entry.wrapped && entry.occurredAt !== null && now - entry.occurredAt > WRAP_CONFIRM_MS;
}

export const KIND_PREFIXES: Record<string, ScribeKind> = {
  d: 'decision',
  decision: 'decision',
  h: 'hypothesis',
  hypothesis: 'hypothesis',
  a: 'action',
  action: 'action',
  f: 'finding',
  finding: 'finding',
  m: 'mitigation',
  mitigation: 'mitigation',
  c: 'comms',
  comms: 'comms',
  todo: 'todo',
  t: 'todo',
  n: 'note',
  note: 'note',
};

export const ROLE_ALIASES: Record<string, RoleKey> = {
  ic: 'incident-commander',
  commander: 'incident-commander',
  'incident-commander': 'incident-commander',
  tl: 'technical-lead',
  tech: 'technical-lead',
  'tech-lead': 'technical-lead',
  'technical-lead': 'technical-lead',
  cl: 'communications-lead',
  comms: 'communications-lead',
  'comms-lead': 'communications-lead',
  'communications-lead': 'communications-lead',
  scribe: 'scribe',
  cust: 'customer-liaison',
  customer: 'customer-liaison',
  'customer-liaison': 'customer-liaison',
  exec: 'executive-liaison',
  executive: 'executive-liaison',
  'executive-liaison': 'executive-liaison',
};

export interface ParseOptions {
  now: number;
  /** Names the scribe may @-mention: role holders, responders, the roster. */
  people?: string[];
  /** The zone clock times are read in; this machine's when not given. */
  timeZone?: TimeZone;
}

export function parseEntry(input: string, options: ParseOptions): ParsedEntry {
  const result: ParsedEntry = { kind: 'note', text: '', attribution: null, occurredAt: null, wrapped: false, hints: [], refusal: null };
  let rest = input.trimStart();
  let seenKind = false;
  for (;;) {
    // A full date-time has a space in it: `~2026-11-22 14:32` is one token.
    const match = /^(~\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?)(\s+|$)/.exec(rest) ?? /^(\S+)(\s+|$)/.exec(rest);
    if (!match) break;
    const token = match[1]!;
    const consumed = readToken(token, result, options, seenKind);
    if (consumed === 'stop') break;
    if (consumed === 'kind') seenKind = true;
    rest = rest.slice(match[0].length);
  }
  result.text = rest.trim();
  if (!result.text && input.trim()) result.hints.push('Type the entry after the prefixes.');
  return result;
}

type TokenOutcome = 'kind' | 'other' | 'stop';

function readToken(token: string, into: ParsedEntry, options: ParseOptions, seenKind: boolean): TokenOutcome {
  if (token.startsWith('//') && !seenKind) {
    into.warning = doubleSlashWarning(token);
    into.hints.push(into.warning);
    return 'stop';
  }
  if (token.startsWith('/') && !seenKind) {
    const kind = KIND_PREFIXES[token.slice(1).toLowerCase()];
    if (kind) {
      into.kind = kind;
      return 'kind';
    }
    into.hints.push(`${token} is not a type (try /d /h /a /f /m /c /todo); logged as a note with the text as typed.`);
    return 'stop';
  }
  if (token.startsWith('@') && into.attribution === null && token.length > 1) {
    into.attribution = resolveMention(token.slice(1), options.people ?? [], into);
    return 'other';
  }
  if (token.startsWith('~') && into.occurredAt === null) {
    const at = readTime(token.slice(1).replace(' ', 'T'), options.now, options.timeZone);
    if (at.ok) {
      into.occurredAt = at.value;
      into.wrapped = at.wrapped;
      return 'other';
    }
    into.hints.push(at.reason);
    // Filing "now" a line the scribe dated later would put it at a time they never saw.
    if (at.future) into.refusal = at.reason;
    return 'stop';
  }
  return 'stop';
}

/** `//h` is usually `/` pressed to reach the box, then `/h`: name the type it meant. */
function doubleSlashWarning(token: string): string {
  const typed = token.replace(/^\/+/, '');
  if (KIND_PREFIXES[typed.toLowerCase()]) return `Starts with //: did you mean /${typed}?`;
  return 'Starts with //: a type takes one slash (/d /h /a /f /m /c /todo).';
}

function resolveMention(raw: string, people: string[], into: ParsedEntry): string {
  const key = raw.toLowerCase();
  const role = ROLE_ALIASES[key];
  if (role) return role;
  const spaced = key.replace(/[_.-]+/g, ' ');
  const exact = people.find((p) => p.toLowerCase() === spaced);
  if (exact) return exact;
  const matches = people.filter((p) => p.toLowerCase().split(/\s+/).some((part) => part.startsWith(spaced)));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) into.hints.push(`@${raw} could be ${matches.join(' or ')}; kept as typed.`);
  else into.hints.push(`@${raw} is not a role or a known person; kept as typed.`);
  return raw;
}

type TimeRead = { ok: true; value: number; wrapped: boolean } | { ok: false; reason: string; future?: true };

/** Clocks on two machines disagree by a little; a time this far ahead is still "now". */
const SLACK_MS = 60_000;

/** `14:32`, `14:32:05`, `2026-11-22 14:32`, `2026-11-22T14:32`, or `5m` / `2h` ago, in `zone`. */
export function readTime(text: string, now: number, zone: TimeZone = machineTimeZone()): TimeRead {
  const ago = /^(\d{1,4})(m|h)$/.exec(text);
  if (ago) return { ok: true, value: now - Number(ago[1]) * (ago[2] === 'h' ? 3_600_000 : 60_000), wrapped: false };
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) {
    const [hour, minute, second] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `~${text} is not a time of day; the entry is logged now.` };
    const today = instantOf({ ...wallTime(now, zone), hour, minute, second }, zone);
    // A time later than now means yesterday: the scribe is catching up across midnight. The
    // preview says so, with the date; a long wrap is confirmed before it is filed.
    if (today > now + SLACK_MS) return { ok: true, value: shiftDays(today, -1, zone), wrapped: true };
    return { ok: true, value: today, wrapped: false };
  }
  const full = /^(\d{4})-(\d{2})-(\d{2})[T ]?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (full) {
    const [year, month, day, hour, minute, second] = full.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
    const at = instantOf({ year, month, day, hour, minute, second }, zone);
    const shown = wallTime(at, zone);
    if (shown.month !== month || shown.day !== day || hour > 23 || minute > 59 || second > 59) {
      return { ok: false, reason: `~${text} is not a real date and time; the entry is logged now.` };
    }
    if (at > now + SLACK_MS) {
      return { ok: false, future: true, reason: `~${text.replace('T', ' ')} is in the future: fix the time, or remove it to log the entry now.` };
    }
    return { ok: true, value: at, wrapped: false };
  }
  return { ok: false, reason: `~${text} is not a time (try ~14:32, ~5m or ~2026-11-22 14:32); the entry is logged now.` };
}
