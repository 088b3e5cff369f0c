// A journal read straight from its bytes (not through the engine), for the crash checks.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRecord } from '../../electron/core/journal/record';
import type { EventOrigin } from '../../shared/domain/events';

export interface JournalRead {
  /** Event ids of the good records, in file order. */
  ids: string[];
  /** How many ids appear more than once. */
  duplicates: number;
  /**
   * Records whose sequence number does not follow the one before (a number written twice).
   * The engine's reader takes them as damaged and never applies them, so neither are they
   * counted here among the good records: an acknowledged event written so is lost.
   */
  seqNotIncreasing: number;
  /** The `origin` of each imported event, by id. */
  origins: Map<string, EventOrigin>;
}

export function readRecords(bytes: Buffer): JournalRead {
  const ids: string[] = [];
  const seen = new Set<string>();
  const origins = new Map<string, EventOrigin>();
  let duplicates = 0;
  let seqNotIncreasing = 0;
  let lastSeq = 0;
  for (let start = 0; start < bytes.length; ) {
    let nl = bytes.indexOf(0x0a, start);
    if (nl === -1) nl = bytes.length;
    const decoded = decodeRecord(bytes.subarray(start, nl));
    if (decoded.ok && decoded.event.seq <= lastSeq) seqNotIncreasing += 1;
    else if (decoded.ok) {
      const { id, seq, origin } = decoded.event;
      if (seen.has(id)) duplicates += 1;
      lastSeq = seq;
      seen.add(id);
      ids.push(id);
      if (origin) origins.set(id, origin);
    }
    start = nl + 1;
  }
  return { ids, duplicates, seqNotIncreasing, origins };
}

export async function readJournalOf(dir: string, incidentId: string): Promise<Buffer | null> {
  try {
    return await readFile(join(dir, 'incidents', incidentId, 'journal.jsonl'));
  } catch {
    return null;
  }
}
