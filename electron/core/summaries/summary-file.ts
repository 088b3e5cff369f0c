import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../fs/durable';
import { JOURNAL_FILE } from '../journal/incident-log';
import type { IncidentCard } from './incident-card';

export const SUMMARY_FILE = 'summary.json';
/** 1: an `IncidentCard`, and the journal length and last sequence number it was made from. */
const FORMAT = 1;

interface StoredSummary {
  format: number;
  /** The journal's length when the card was made: any other length and the card is not used. */
  journalBytes: number;
  /** The journal's last sequence number at that length (what sync compares with what it pushed). */
  journalSeq: number;
  card: IncidentCard;
}

export interface TrustedSummary {
  card: IncidentCard;
  journalBytes: number;
  journalSeq: number;
}

/** Written only from a log that was closed quiet, so the card is exactly `journalBytes` of journal. */
export async function writeSummary(dir: string, summary: TrustedSummary): Promise<void> {
  const stored: StoredSummary = { format: FORMAT, ...summary };
  await writeFileDurably(join(dir, SUMMARY_FILE), JSON.stringify(stored));
}

/**
 * The stored card if it describes the journal as it is now. A crash between a commit and the
 * next summary leaves the journal longer than the summary says (or torn, or mid-recovery): then
 * null, and the journal is opened — a stale summary is never shown.
 *
 * Synchronous on purpose: it runs at start, before anything is served, a thousand times; the
 * thread pool's round trips made it six times slower than plain reads of small cached files.
 */
export function readTrustedSummary(dir: string): TrustedSummary | null {
  const raw = attempt(() => readFileSync(join(dir, SUMMARY_FILE), 'utf8'));
  const journal = attempt(() => statSync(join(dir, JOURNAL_FILE)));
  const recovering = attempt(() => statSync(join(dir, `${JOURNAL_FILE}.recovered`))) !== null;
  if (raw === null || journal === null || recovering) return null;
  let stored: StoredSummary;
  try {
    stored = JSON.parse(raw) as StoredSummary;
  } catch {
    return null;
  }
  if (stored.format !== FORMAT || stored.journalBytes !== journal.size || typeof stored.journalSeq !== 'number' || typeof stored.card?.id !== 'string') return null;
  return { card: stored.card, journalBytes: stored.journalBytes, journalSeq: stored.journalSeq };
}

function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
