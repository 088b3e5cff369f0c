import type { IncidentEvent } from '../../../shared/domain/events';
import type { JournalProblem } from '../../../shared/domain/integrity';
import { LegacyStamper } from '../../../shared/domain/hlc';
import { checkRecord, decodeRecord, peekSeq } from './record';

export interface JournalScan {
  /** Events parsed, in file order, from the lines at or after `parseFrom`. */
  events: IncidentEvent[];
  problems: JournalProblem[];
  /** Byte length of the file up to the end of its last good record (where a torn tail is cut). */
  goodLength: number;
  /** Bytes after `goodLength` that are a torn tail (only bad lines, no good record after them). */
  tornTail: Buffer | null;
  /** A bad record is followed by good ones: history is damaged, not just an unfinished write. */
  corrupt: boolean;
  /** The last good record lacks its newline (a write cut right before it). */
  missingFinalNewline: boolean;
  /** Good raw lines, for recovery (rewriting the readable records into a fresh journal). */
  goodLines: Buffer[];
  lineCount: number;
  /** Highest sequence number among good records (0 when none). */
  lastSeq: number;
  /** Sequence number of the good record that ends exactly at `parseFrom`, if one does. */
  seqEndingAtParseFrom: number | null;
}

/** A prefix of the journal already proven intact (its CRC matches the snapshot's): not re-read. */
export interface TrustedPrefix {
  bytes: number;
  lines: number;
  lastSeq: number;
  /** The latest stamp among the prefix's events, so stamps derived after it sort after it. */
  lastStamp?: string | null;
}

/**
 * Reads a journal, checks every record's checksum and order, and parses the records at or
 * after byte `parseFrom` (the tail past a snapshot). With a trusted prefix, only what follows
 * it is read. Nothing is repaired here; the caller decides what to do with what was found.
 */
export function scanJournal(
  bytes: Buffer,
  fileLabel: string,
  parseFrom = 0,
  keepGoodLines = false,
  trusted: TrustedPrefix | null = null,
): JournalScan {
  const events: IncidentEvent[] = [];
  const problems: JournalProblem[] = [];
  const badLines: Array<{ line: number; reason: string; start: number }> = [];
  const goodLines: Buffer[] = [];
  let goodLength = trusted?.bytes ?? 0;
  let lastGoodLine = trusted?.lines ?? 0;
  let missingFinalNewline = false;
  let lastSeq = trusted?.lastSeq ?? 0;
  let lineNo = trusted?.lines ?? 0;
  let start = trusted?.bytes ?? 0;
  let seqEndingAtParseFrom: number | null = trusted && trusted.bytes === parseFrom ? trusted.lastSeq : null;
  // Records written before stamps existed get one derived from their time, in journal order.
  const stamper = new LegacyStamper(trusted?.lastStamp ?? null);

  while (start < bytes.length) {
    let nl = bytes.indexOf(0x0a, start);
    const terminated = nl !== -1;
    if (!terminated) nl = bytes.length;
    lineNo += 1;
    const raw = bytes.subarray(start, nl);
    const end = terminated ? nl + 1 : nl;

    if (raw.length === 0) {
      badLines.push({ line: lineNo, reason: 'empty line', start });
    } else {
      // Records before `parseFrom` are covered by a snapshot: check them, do not parse them.
      let result: { ok: true; seq: number; event?: IncidentEvent } | { ok: false; reason: string };
      if (start >= parseFrom || keepGoodLines) {
        const decoded = decodeRecord(raw);
        if (decoded.ok) {
          const event = decoded.event as IncidentEvent & { hlc?: string };
          if (typeof event.hlc === 'string') stamper.see(event.hlc);
          else event.hlc = stamper.next(event.at);
        }
        result = decoded.ok ? { ok: true, seq: decoded.event.seq, event: decoded.event } : decoded;
      } else {
        const checked = checkRecord(raw);
        const seq = checked.ok ? peekSeq(checked.body) : null;
        result = !checked.ok ? checked : seq === null ? { ok: false, reason: 'record has no sequence number' } : { ok: true, seq };
      }
      if (result.ok && result.seq <= lastSeq) {
        result = { ok: false, reason: `sequence ${result.seq} does not follow ${lastSeq}` };
      }
      if (result.ok) {
        lastSeq = result.seq;
        if (end === parseFrom || (!terminated && nl === parseFrom)) seqEndingAtParseFrom = result.seq;
        if (start >= parseFrom && result.event) events.push(result.event);
        if (keepGoodLines) goodLines.push(raw);
        goodLength = end;
        lastGoodLine = lineNo;
        missingFinalNewline = !terminated;
      } else {
        badLines.push({ line: lineNo, reason: result.reason, start });
      }
    }
    start = end;
  }

  const corruptLines = badLines.filter((b) => b.line < lastGoodLine);
  const tailLines = badLines.filter((b) => b.line > lastGoodLine);
  for (const b of corruptLines) {
    problems.push({
      kind: 'corrupt-record',
      file: fileLabel,
      line: b.line,
      detail: `line ${b.line} of ${fileLabel} is damaged (${b.reason}); it is not applied, and writing is paused until you decide`,
    });
  }
  let tornTail: Buffer | null = null;
  if (tailLines.length > 0) {
    tornTail = Buffer.from(bytes.subarray(goodLength));
    problems.push({
      kind: 'torn-tail',
      file: fileLabel,
      line: tailLines[0]!.line,
      detail: `the last ${tornTail.length} bytes of ${fileLabel} (from line ${tailLines[0]!.line}) were an unfinished write (${tailLines[0]!.reason})`,
    });
  }
  return {
    events,
    problems,
    goodLength,
    tornTail,
    corrupt: corruptLines.length > 0,
    missingFinalNewline,
    goodLines,
    lineCount: lineNo,
    lastSeq,
    seqEndingAtParseFrom,
  };
}
