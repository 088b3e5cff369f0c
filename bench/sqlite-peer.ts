// The peer a careful Electron app would use instead of a journal: SQLite through better-sqlite3,
// WAL mode, synchronous=FULL (every commit is durable on return), one INSERT per note in its own
// transaction. The row is what the journal keeps: the incident id, the sequence number and the
// event's JSON text (the same event as the bare loops' record line, without the checksum frame).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DiskProbe } from './disk';
import { noteEvent } from './fixtures';

const INCIDENT = 'INC-20261118-bench1';

/**
 * A database in `dir` already holding `prior` events of one incident (as the journal it is set
 * beside holds its fixture), checkpointed, so that the measured inserts start with an empty WAL.
 */
export function sqliteProbe(dir: string, prior: number): DiskProbe {
  const db = new Database(join(dir, `sqlite-peer-${prior}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (incident_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (incident_id, seq))');
  const insert = db.prepare<[string, number, string]>('INSERT INTO events (incident_id, seq, event) VALUES (?, ?, ?)');
  const text = rowText();
  db.transaction(() => {
    for (let seq = 1; seq <= prior; seq++) insert.run(INCIDENT, seq, text);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  let seq = prior;
  return {
    name: 'SQLite INSERT, WAL, synchronous=FULL',
    async sample(n) {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        // Autocommit: the statement is its own transaction, durable when run() returns.
        insert.run(INCIDENT, ++seq, text);
        out.push(performance.now() - t0);
      }
      return out;
    },
    async close() {
      db.close();
    },
  };
}

function rowText(): string {
  return JSON.stringify(noteEvent(INCIDENT, 100_001));
}

export function sqliteRowBytes(): number {
  return Buffer.byteLength(rowText());
}

/** SQLite's own build and settings, printed beside its figures. */
export function sqliteVersion(dir: string): string {
  const db = new Database(join(dir, 'sqlite-version.db'));
  try {
    return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}
