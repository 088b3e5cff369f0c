import { CommandFailure } from '../../../shared/contract/result';
import { decodeRecord } from '../journal/record';
import { TimeSlice } from './time-slice';

/**
 * Far above the largest event the contract can produce (a post-mortem update is a few hundred
 * kB at most), and small enough that parsing one line stays a few milliseconds: JSON.parse cannot
 * be cut into slices, so a single 500 MB line would hold the engine for seconds.
 */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/** A whole file is read in pieces of this size, like an inflated entry. */
const PIECE = 256 * 1024;

const refuse = (message: string): never => {
  throw new CommandFailure('INVALID_INPUT', message);
};

/**
 * The decoded, checksum-verified JSON value of every line, in file order: record i is line i + 1.
 * Only the checksum and the record's outline are checked here; what the event says is for the
 * import gate. Lines are decoded as pieces arrive, in slices of a few milliseconds, so other
 * commands are served while a long journal is read and it is never held whole.
 */
export async function readJournalLines(source: Uint8Array | AsyncIterable<Buffer>, label: string, maxRecords: number): Promise<unknown[]> {
  const slice = new TimeSlice();
  const records: unknown[] = [];
  // The start of a line that continues in the next piece.
  let carry: Buffer[] = [];
  let carryLength = 0;
  let line = 0;
  const take = (raw: Buffer) => {
    line += 1;
    if (raw.length === 0) refuse(`Line ${line} of ${label} is empty; nothing was imported.`);
    const decoded = decodeRecord(raw);
    if (!decoded.ok) return refuse(`Line ${line} of ${label} is damaged (${decoded.reason}); nothing was imported.`);
    records.push(decoded.event);
    if (records.length > maxRecords) refuse(`${label} has more than ${maxRecords} events.`);
  };
  const tooLong = () => refuse(`Line ${line + 1} of ${label} is longer than any event (over ${MAX_LINE_BYTES / 1048576} MiB); nothing was imported.`);

  for await (const piece of source instanceof Uint8Array ? piecesOf(source) : source) {
    let start = 0;
    while (start < piece.length) {
      const nl = piece.indexOf(0x0a, start);
      const end = nl === -1 ? piece.length : nl;
      if (carryLength + end - start > MAX_LINE_BYTES) tooLong();
      if (nl === -1) {
        carry.push(piece.subarray(start));
        carryLength += piece.length - start;
        break;
      }
      take(carryLength === 0 ? piece.subarray(start, nl) : Buffer.concat([...carry, piece.subarray(start, nl)]));
      carry = [];
      carryLength = 0;
      start = nl + 1;
      if (slice.due) await slice.pause();
    }
  }
  if (carryLength > 0) take(Buffer.concat(carry));
  if (records.length === 0) refuse(`${label} holds no events.`);
  return records;
}

function* piecesOf(bytes: Uint8Array): Generator<Buffer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < buffer.length; at += PIECE) yield buffer.subarray(at, at + PIECE);
}
