// A journal read straight from its bytes (not through the engine), for the crash checks.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRecord } from '../../electron/core/journal/record';

/** Event ids of the good records of a journal, in order, and how many ids appear twice. */
export function journalIds(bytes: Buffer): { ids: string[]; duplicates: number } {
  const ids: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (let start = 0; start < bytes.length; ) {
    let nl = bytes.indexOf(0x0a, start);
    if (nl === -1) nl = bytes.length;
    const decoded = decodeRecord(bytes.subarray(start, nl));
    if (decoded.ok) {
      if (seen.has(decoded.event.id)) duplicates += 1;
      seen.add(decoded.event.id);
      ids.push(decoded.event.id);
    }
    start = nl + 1;
  }
  return { ids, duplicates };
}

export async function readJournalOf(dir: string, incidentId: string): Promise<Buffer | null> {
  try {
    return await readFile(join(dir, 'incidents', incidentId, 'journal.jsonl'));
  } catch {
    return null;
  }
}
