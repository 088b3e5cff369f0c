import { crc32 } from 'node:zlib';
import type { IncidentEvent } from '../../../shared/domain/events';

/**
 * One journal line: `{"crc":"<8 hex>","event":<event JSON>}\n`.
 * Each line is plain JSON, and the checksum covers the exact bytes of the event as written,
 * so it can be checked on the bytes without parsing.
 */
const PREFIX = '{"crc":"';
const MIDDLE = '","event":';
const HEAD_BYTES = PREFIX.length + 8 + MIDDLE.length;
const PREFIX_BUF = Buffer.from(PREFIX);
const MIDDLE_BUF = Buffer.from(MIDDLE);
const CLOSE = 0x7d; // '}'

export function encodeRecord(event: IncidentEvent): string {
  // Canonical key order: `seq` comes right after the two ids, so `peekSeq` can find it.
  const { id, incidentId, seq, hlc, at, actor, type, payload, origin, received } = event;
  // `origin` only on imported events and `received` only on synced ones.
  const record: Record<string, unknown> = { id, incidentId, seq, hlc, at, actor, type, payload };
  if (origin) record.origin = origin;
  if (received) record.received = received;
  const body = JSON.stringify(record);
  return `${PREFIX}${hex(crc32(body))}${MIDDLE}${body}}\n`;
}

export type DecodedLine = { ok: true; event: IncidentEvent } | { ok: false; reason: string };

/** Checks the checksum only; cheap enough to run on every line of a large journal. */
export function checkRecord(line: Buffer): { ok: true; body: Buffer } | { ok: false; reason: string } {
  if (line.length < HEAD_BYTES + 3) return { ok: false, reason: 'line too short to be a record' };
  if (line.compare(PREFIX_BUF, 0, PREFIX_BUF.length, 0, PREFIX_BUF.length) !== 0) {
    return { ok: false, reason: 'line does not start like a record' };
  }
  const midAt = PREFIX_BUF.length + 8;
  if (line.compare(MIDDLE_BUF, 0, MIDDLE_BUF.length, midAt, midAt + MIDDLE_BUF.length) !== 0) {
    return { ok: false, reason: 'line does not carry a checksum field' };
  }
  if (line[line.length - 1] !== CLOSE) return { ok: false, reason: 'record is not closed' };
  const expected = line.toString('latin1', PREFIX_BUF.length, midAt);
  const body = line.subarray(HEAD_BYTES, line.length - 1);
  if (hex(crc32(body)) !== expected) return { ok: false, reason: 'checksum does not match' };
  return { ok: true, body };
}

export function decodeRecord(line: Buffer): DecodedLine {
  const checked = checkRecord(line);
  if (!checked.ok) return checked;
  let event: unknown;
  try {
    event = JSON.parse(checked.body.toString('utf8'));
  } catch {
    return { ok: false, reason: 'checksum matches but the record is not JSON' };
  }
  if (!looksLikeEvent(event)) return { ok: false, reason: 'record is not an event' };
  return { ok: true, event };
}

const SEQ_KEY = Buffer.from('"seq":');
const ID_KEY = Buffer.from('{"id":"');

/** The event id of a checked record body without parsing it (ids never contain a quote). */
export function peekId(body: Buffer): string | null {
  if (body.compare(ID_KEY, 0, ID_KEY.length, 0, ID_KEY.length) !== 0) return null;
  const end = body.indexOf(0x22, ID_KEY.length);
  return end === -1 ? null : body.toString('utf8', ID_KEY.length, end);
}

/**
 * The sequence number of a checked record body without parsing it: the first `"seq":` is the
 * envelope's (keys are written in canonical order, and a quote inside a string is escaped).
 */
export function peekSeq(body: Buffer): number | null {
  const at = body.indexOf(SEQ_KEY);
  if (at === -1) return null;
  let i = at + SEQ_KEY.length;
  let n = 0;
  let digits = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + (c - 0x30);
    digits += 1;
    i += 1;
  }
  return digits > 0 && digits < 16 ? n : null;
}

function looksLikeEvent(value: unknown): value is IncidentEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.incidentId === 'string' &&
    Number.isInteger(e.seq) &&
    typeof e.at === 'number' &&
    typeof e.type === 'string' &&
    typeof e.payload === 'object' &&
    e.payload !== null
  );
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
