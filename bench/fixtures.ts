// Builds incidents of N events fast: the engine declares the incident (its own opening events),
// the notes are written straight into the journal with the engine's record encoder from a
// template note the engine wrote, then the engine opens and closes it once so that the snapshot
// (and any overdue clock it records) is the engine's own.
import { randomUUID } from 'node:crypto';
import { appendFile, cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openEngine } from '../electron/core/engine';
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../electron/core/journal/incident-log';
import { encodeRecord } from '../electron/core/journal/record';
import { createMemorySettings } from '../electron/core/settings/conf-settings';
import type { IncidentEvent } from '../shared/domain/events';
import { formatStamp, wallOf } from '../shared/domain/hlc';
import type { EntryKind, TimelineEntry } from '../shared/domain/incident';

export interface Fixture {
  /** A data folder holding this one incident (and no settings file). */
  dataDir: string;
  incidentId: string;
  /** Events in the journal, the declaration included. */
  events: number;
  journalBytes: number;
  snapshotBytes: number;
  /** Sequence number the snapshot covers (0 when there is none). */
  snapshotSeq: number;
}

export interface FixtureSet {
  /** Snapshot at the end of the journal, as after a clean close. */
  bySize: Map<number, Fixture>;
  /** 100 000 events whose snapshot is ~9% behind: the longest tail the engine leaves. */
  withTail: Fixture | null;
  buildMs: number;
}

const KINDS: EntryKind[] = ['note', 'note', 'note', 'finding', 'action', 'hypothesis', 'decision', 'comms'];
const WORDS = [
  'checkout', 'p99', 'latency', 'primary', 'replica', 'failover', 'rolled back', 'deploy', 'canary',
  'eu-west-1', 'error rate', 'queue depth', 'paged', 'db-3', 'connection pool', 'saturated', 'mitigated',
  'customer', 'status page', 'cache', 'evicted', 'retry storm', 'feature flag', 'disabled', 'hotfix',
];

/** A scribe-like note of 40–140 characters, deterministic in `i`. */
export function noteText(i: number): string {
  let s = `#${i}`;
  let x = (i * 2654435761) >>> 0;
  const words = 6 + (x % 14);
  for (let w = 0; w < words; w++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += ` ${WORDS[x % WORDS.length]}`;
  }
  return s;
}

interface Templates {
  note: IncidentEvent;
  entry: TimelineEntry;
  declared: IncidentEvent;
}
let templates: Templates | null = null;

/** An incident's clock: notes one second apart, all in the past, so that every deadline is. */
const STEP_MS = 1_000;

/**
 * Canonical events come from the engine itself: one incident is declared and one note logged
 * through it, and the note's journal record is the template for every fixture note. The domain
 * keeps growing fields; this way the fixtures always carry exactly what the engine writes.
 */
export async function loadTemplates(dir: string): Promise<void> {
  if (templates) return;
  const engine = await openEngine({ dataDir: dir, scheduler: false, settings: createMemorySettings({ operatorName: 'bench-scribe' }) });
  const declared = await engine.dispatch('incident.declare', {
    title: 'Checkout returns 500s in eu-west-1',
    severity: 'SEV1',
    summary: 'Benchmark fixture',
  });
  if (!declared.ok) throw new Error(`template declare refused: ${declared.error.message}`);
  const incidentId = (declared.value as { id: string }).id;
  const logged = await engine.dispatch('timeline.log', { incidentId, text: 'template note' });
  if (!logged.ok) throw new Error(`template note refused: ${logged.error.message}`);
  await engine.close();
  const events = (await readJournal(dir, incidentId)).map((l) => (JSON.parse(l) as { event: IncidentEvent }).event);
  const note = events.find((e) => e.type === 'timeline.logged');
  if (events[0]?.type !== 'incident.declared' || !note) throw new Error(`unexpected template journal: ${events.map((e) => e.type).join(', ')}`);
  templates = { declared: events[0], note, entry: logged.value as TimelineEntry };
}

function need(): Templates {
  if (!templates) throw new Error('call loadTemplates() before building fixtures');
  return templates;
}

async function readJournal(dataDir: string, incidentId: string): Promise<string[]> {
  return (await readFile(join(incidentDir(dataDir, incidentId), JOURNAL_FILE), 'utf8')).trimEnd().split('\n');
}

/** A bare declaration event (no cadence or escalation events after it), for in-memory states. */
export function declarationEvent(incidentId: string, at = Date.now()): IncidentEvent {
  return { ...need().declared, id: randomUUID(), incidentId, seq: 1, at, actor: 'bench-ic' } as IncidentEvent;
}

export function noteEvent(incidentId: string, seq: number, base = Date.now()): IncidentEvent {
  const t = need().note as Extract<IncidentEvent, { type: 'timeline.logged' }>;
  const at = base + seq * STEP_MS;
  return {
    ...t,
    id: randomUUID(),
    incidentId,
    seq,
    // Stamped as the scribe's console would have: in time order, after the declaration.
    hlc: formatStamp({ wall: at, counter: seq % 100_000, node: 'bench-scribe' }),
    at,
    actor: 'bench-scribe',
    payload: { ...t.payload, entryId: randomUUID(), text: noteText(seq), kind: KINDS[seq % KINDS.length]!, occurredAt: at },
  } as IncidentEvent;
}

/** A timeline entry as the engine keeps it, for the naive peer. */
export function timelineEntry(i: number): TimelineEntry {
  const at = Date.now() - 1e9 + i * STEP_MS;
  return { ...need().entry, id: randomUUID(), eventId: randomUUID(), at, loggedAt: at, text: noteText(i), actor: 'bench-scribe' };
}

/** Journal text of notes `from..to` (inclusive sequence numbers). */
/**
 * Notes `from`..`to` as journal lines. `after` is the last stamp the console had seen: a note
 * written later is stamped after it, as a console's clock does, even when its time is older.
 */
export function notesText(incidentId: string, from: number, to: number, base: number, after: string | null = null): string {
  const parts: string[] = [];
  const floor = after ? wallOf(after) + 1 : 0;
  for (let seq = from; seq <= to; seq++) {
    const note = noteEvent(incidentId, seq, base);
    if (after) note.hlc = formatStamp({ wall: Math.max(floor, note.at), counter: seq % 100_000, node: 'bench-scribe' });
    parts.push(encodeRecord(note));
  }
  return parts.join('');
}

export function incidentDir(dataDir: string, incidentId: string): string {
  return join(dataDir, 'incidents', incidentId);
}

/**
 * Declares an incident through the engine at time `at` (the engine writes its own opening:
 * declaration, cadence, escalation), keeps the journal and drops the snapshot.
 */
async function declareAt(dataDir: string, at: number): Promise<{ incidentId: string; lastSeq: number }> {
  const engine = await openEngine({ dataDir, now: () => at, scheduler: false, settings: createMemorySettings({ operatorName: 'bench-ic' }) });
  const declared = await engine.dispatch('incident.declare', {
    title: 'Checkout returns 500s in eu-west-1',
    severity: 'SEV1',
    summary: 'Benchmark fixture',
  });
  if (!declared.ok) throw new Error(`fixture declare refused: ${declared.error.message}`);
  await engine.close();
  const incidentId = (declared.value as { id: string }).id;
  await rm(join(incidentDir(dataDir, incidentId), SNAPSHOT_FILE), { force: true });
  return { incidentId, lastSeq: (await readJournal(dataDir, incidentId)).length };
}

/**
 * Opens and closes the engine once, with the real clock and its scheduler: overdue clocks of
 * the old incident fire once (and are recorded, so they never fire again), and the engine
 * writes its snapshot on close.
 */
async function openAndClose(dataDir: string): Promise<void> {
  const engine = await openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'bench' }) });
  await engine.close();
}

async function describeFixture(dataDir: string, incidentId: string): Promise<Fixture> {
  const dir = incidentDir(dataDir, incidentId);
  const journal = await readFile(join(dir, JOURNAL_FILE));
  let events = 0;
  for (let i = journal.indexOf(0x0a); i !== -1; i = journal.indexOf(0x0a, i + 1)) events += 1;
  let snapshotBytes = 0;
  let snapshotSeq = 0;
  try {
    const snap = await readFile(join(dir, SNAPSHOT_FILE));
    snapshotBytes = snap.length;
    snapshotSeq = JSON.parse(snap.toString('utf8', 0, snap.indexOf(0x0a))).lastSeq;
  } catch {
    // no snapshot
  }
  return { dataDir, incidentId, events, journalBytes: journal.length, snapshotBytes, snapshotSeq };
}

/** An incident of about `events` events with its snapshot at the end (as after a clean close). */
export async function buildIncident(dataDir: string, events: number): Promise<Fixture> {
  const base = Date.now() - (events + 600) * STEP_MS;
  const { incidentId, lastSeq } = await declareAt(dataDir, base);
  if (events > lastSeq) await appendFile(join(incidentDir(dataDir, incidentId), JOURNAL_FILE), notesText(incidentId, lastSeq + 1, events, base));
  await openAndClose(dataDir);
  return describeFixture(dataDir, incidentId);
}

/**
 * An incident of `events` events whose snapshot covers only about `events / 1.05`: the engine
 * snapshots again once the tail reaches 5% of the total, so this is the longest tail an
 * incident normally carries (after a crash, or while it is open).
 */
export async function buildIncidentWithTail(dataDir: string, events: number): Promise<Fixture> {
  const base = Date.now() - (events + 600) * STEP_MS;
  const { incidentId, lastSeq } = await declareAt(dataDir, base);
  const path = join(incidentDir(dataDir, incidentId), JOURNAL_FILE);
  await appendFile(path, notesText(incidentId, lastSeq + 1, Math.floor(events / 1.05), base));
  await openAndClose(dataDir);
  const covered = (await describeFixture(dataDir, incidentId)).snapshotSeq;
  const snapshot = await readFile(join(incidentDir(dataDir, incidentId), SNAPSHOT_FILE));
  const lastStamp = (JSON.parse(snapshot.toString('utf8', 0, snapshot.indexOf(0x0a))) as { lastStamp: string }).lastStamp;
  await appendFile(path, notesText(incidentId, covered + 1, events, base, lastStamp));
  return describeFixture(dataDir, incidentId);
}

/** A private copy of a fixture's data folder (journal and snapshot), for a run that writes. */
export async function cloneFixture(fixture: Fixture, dataDir: string): Promise<Fixture> {
  await mkdir(join(dataDir, 'incidents'), { recursive: true });
  await cp(incidentDir(fixture.dataDir, fixture.incidentId), incidentDir(dataDir, fixture.incidentId), { recursive: true });
  return { ...fixture, dataDir };
}

export async function buildFixtures(root: string, sizes: number[], withTail: boolean): Promise<FixtureSet> {
  const t0 = performance.now();
  await loadTemplates(join(root, 'template'));
  const bySize = new Map<number, Fixture>();
  for (const size of sizes) bySize.set(size, await buildIncident(join(root, `fixture-${size}`), size));
  const tail = withTail ? await buildIncidentWithTail(join(root, 'fixture-tail'), Math.max(...sizes)) : null;
  return { bySize, withTail: tail, buildMs: performance.now() - t0 };
}
