// The files the notes-and-imports kills import: real scribe logs and bundles, and hostile files
// the import gate must refuse whole, each made fresh with new ids so that whatever a refused
// file carried can be looked for afterwards.
import { randomUUID } from 'node:crypto';
import { bundleOf, journalLines } from './import-files';

/** The second author on the incident the notes go to: their logs carry only their own lines. */
export const SCRIBE = 'Lee (scribe)';
const CONSOLE_B = 'Kim (console B)';

export const VALID_KINDS = ['scribe-log', 'new-bundle', 'merge-bundle'] as const;
export const HOSTILE_KINDS = [
  'second-opening-last',
  'forged-status',
  'forged-approval',
  'extra-key',
  'proto-key',
  'quoted-id',
  'lying-zip',
  'truncated-zip',
  'duplicate-ids',
  'scribe-log-opens',
  'two-authors',
  'strikes-another',
] as const;
export type ValidKind = (typeof VALID_KINDS)[number];
export type HostileKind = (typeof HOSTILE_KINDS)[number];

export interface MixedFile {
  name: string;
  kind: ValidKind | HostileKind;
  hostile: boolean;
  source: 'bundle' | 'scribe-log';
  incidentId: string;
  /** Every event id in the file (well-formed or not). */
  ids: string[];
  /** Ids no journal has yet: what the file brings if written, what must never appear if refused. */
  fresh: string[];
  /** The file would open an incident that is not here. */
  opens: boolean;
  /** Entries the scribe logs in it (theirs to amend in a later log, once this one is written). */
  scribeEntryIds: string[];
  bytes: Uint8Array;
}

/** An incident already here that files may add to. */
export interface Target {
  incidentId: string;
  /** Its opening event, as its journal holds it (without the origin an import gave it). */
  opening: Record<string, unknown>;
  /** An entry someone other than the scribe logged: a scribe log may not strike it. */
  foreignEntryId: string;
  /** Entries the scribe logged in files already written: theirs to amend. */
  scribeEntryIds: string[];
}

type Raw = Record<string, unknown>;

const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function event(incidentId: string, actor: string, type: string, payload: Raw, at = Date.now()): Raw {
  return { id: randomUUID(), incidentId, seq: 0, at, actor, type, payload };
}

function note(incidentId: string, actor: string, text: string): Raw {
  const at = Date.now() - between(0, 600_000);
  return event(incidentId, actor, 'timeline.logged', { entryId: randomUUID(), text, kind: pick(['note', 'finding', 'action', 'decision']), occurredAt: at, attribution: null, workstreamId: null }, at);
}

const notes = (incidentId: string, actor: string, count: number, label: string) => Array.from({ length: count }, (_, i) => note(incidentId, actor, `${label} ${i}`));
const entryOf = (e: Raw) => (e.payload as { entryId: string }).entryId;

function declaration(incidentId: string, actor: string): Raw {
  return event(incidentId, actor, 'incident.declared', {
    title: `Imported ${incidentId}`,
    severity: 'SEV2',
    detectionSource: 'internal',
    summary: 'made by the crash harness',
    impactStartedAt: null,
    detectedAt: null,
  });
}

/** Sequence numbers in file order, as a console writes them (the gate renumbers them anyway). */
const numbered = (events: Raw[]): Raw[] => events.map((e, i) => ({ ...e, seq: i + 1 }));
const idsOf = (events: Raw[]) => events.map((e) => e.id as string);

function file(name: string, kind: MixedFile['kind'], source: MixedFile['source'], incidentId: string, events: Raw[], known: Raw[] = []): MixedFile {
  const all = numbered([...known, ...events]);
  const journal = journalLines(all);
  const hostile = (HOSTILE_KINDS as readonly string[]).includes(kind);
  return {
    name,
    kind,
    hostile,
    source,
    incidentId,
    ids: idsOf(all),
    fresh: idsOf(events),
    opens: events[0]?.type === 'incident.declared',
    scribeEntryIds: events.filter((e) => e.actor === SCRIBE && e.type === 'timeline.logged').map(entryOf),
    bytes: source === 'bundle' ? bundleOf(journal) : journal,
  };
}

/** Another console's incident, new here: its declaration and 50–600 notes. */
function newIncident(name: string): Raw[] {
  const id = `INC-crash-${randomUUID().slice(0, 13)}`;
  return [declaration(id, CONSOLE_B), ...notes(id, CONSOLE_B, between(50, 600), name)];
}

/** A scribe's log: their notes, then an amendment and a strike of their own entries (one of an earlier log when there is one). */
function scribeLog(t: Target, count: number, label: string): Raw[] {
  const own = notes(t.incidentId, SCRIBE, count, label);
  const earlier = t.scribeEntryIds.length > 0 ? pick(t.scribeEntryIds) : entryOf(own[0]!);
  return [
    ...own,
    event(t.incidentId, SCRIBE, 'timeline.amended', { entryId: earlier, text: `${label} amended`, kind: 'finding' }),
    event(t.incidentId, SCRIBE, 'timeline.struck', { entryId: entryOf(own.at(-1)!), reason: 'wrong host' }),
  ];
}

export function validFile(kind: ValidKind, name: string, notesTarget: Target, mergeTarget: Target): MixedFile {
  switch (kind) {
    case 'scribe-log':
      return file(`${name}.jsonl`, kind, 'scribe-log', notesTarget.incidentId, scribeLog(notesTarget, between(20, 200), name));
    case 'new-bundle': {
      const events = newIncident(name);
      return file(`${name}.zip`, kind, 'bundle', events[0]!.incidentId as string, events);
    }
    case 'merge-bundle': {
      // Another console's bundle of an incident here: its opening (already here) and what it logged since, a role change among it.
      const id = mergeTarget.incidentId;
      const role = event(id, CONSOLE_B, 'role.assigned', { role: 'communications-lead', name: 'Kim', contact: '' });
      return file(`${name}.zip`, kind, 'bundle', id, [...notes(id, CONSOLE_B, between(20, 200), name), role], [mergeTarget.opening]);
    }
  }
}

export function hostileFile(kind: HostileKind, name: string, t: Target): MixedFile {
  const id = t.incidentId;
  const cover = () => notes(id, SCRIBE, between(3, 40), name);
  const log = (events: Raw[]) => file(`${name}.jsonl`, kind, 'scribe-log', id, events);
  switch (kind) {
    case 'second-opening-last':
      // Before the gate this took a sequence number the state never counted: the next note reused it.
      return log([...cover(), { ...t.opening, id: randomUUID(), actor: SCRIBE, at: Date.now() }]);
    case 'forged-status':
      return log([...cover(), event(id, SCRIBE, 'incident.statusChanged', { from: 'investigating', to: 'closed', reason: '', reviewNeeded: false })]);
    case 'forged-approval':
      return log([...cover(), event(id, SCRIBE, 'update.approved', { draftId: randomUUID(), kind: 'external', bodyHash: 'abc' })]);
    case 'extra-key': {
      // As a merge: a bundle's events are checked as strictly as a scribe's.
      const bad = note(id, CONSOLE_B, 'extra key');
      bad.payload = { ...(bad.payload as Raw), extra: 'x' };
      return file(`${name}.zip`, kind, 'bundle', id, [...notes(id, CONSOLE_B, between(3, 40), name), bad], [t.opening]);
    }
    case 'proto-key': {
      const poisoned = JSON.parse(JSON.stringify(note(id, SCRIBE, 'proto')).replace('"payload":{', '"payload":{"__proto__":{"polluted":true},')) as Raw;
      return log([...cover(), poisoned]);
    }
    case 'quoted-id':
      return log([...cover(), { ...note(id, SCRIBE, 'quoted'), id: `q"${randomUUID().slice(0, 8)}` }]);
    case 'lying-zip':
      return lyingZip(name);
    case 'truncated-zip': {
      const events = newIncident(name);
      const whole = file(`${name}.zip`, kind, 'bundle', events[0]!.incidentId as string, events);
      return { ...whole, bytes: whole.bytes.subarray(0, Math.floor(whole.bytes.length * (0.3 + Math.random() * 0.65))) };
    }
    case 'duplicate-ids': {
      const events = cover();
      return log([...events, { ...note(id, SCRIBE, 'same id'), id: events[0]!.id }]);
    }
    case 'scribe-log-opens': {
      const other = `INC-crash-${randomUUID().slice(0, 13)}`;
      return file(`${name}.jsonl`, kind, 'scribe-log', other, [declaration(other, SCRIBE), ...notes(other, SCRIBE, 5, name)]);
    }
    case 'two-authors':
      return log([...cover(), note(id, 'Mallory', 'not Lee')]);
    case 'strikes-another':
      return log([...cover(), event(id, SCRIBE, 'timeline.struck', { entryId: t.foreignEntryId, reason: 'mine now' })]);
  }
}

/**
 * A new incident's bundle whose zip headers claim a smaller incident.jsonl than it holds. The
 * claim ends inside a record, so a reader that believes it finds a damaged line. A claim that
 * ends exactly between records (drop the `+ 20`) is read by the zip reader of ffb97f8 as a
 * shorter journal and imported; the zip reader's rework in issue 9 refuses any entry that
 * inflates past its claim. Once that has landed, make the claim end between records.
 */
function lyingZip(name: string): MixedFile {
  const events = numbered(newIncident(name));
  const lines = Buffer.from(journalLines(events)).toString('utf8').split('\n');
  const claim = Buffer.byteLength(`${lines.slice(0, Math.ceil(lines.length / 3)).join('\n')}\n`) + 20;
  const whole = file(`${name}.zip`, 'lying-zip', 'bundle', events[0]!.incidentId as string, events);
  return { ...whole, bytes: claimSize(whole.bytes, 'incident.jsonl', claim) };
}

/** Writes `size` as the uncompressed size of `name` in its local header and its central directory entry. */
function claimSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const buf = Buffer.from(zip);
  for (let i = 0; i + 46 <= buf.length; i++) {
    const sig = buf.readUInt32LE(i);
    if (sig === 0x04034b50 && buf.toString('utf8', i + 30, i + 30 + buf.readUInt16LE(i + 26)) === name) buf.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && buf.toString('utf8', i + 46, i + 46 + buf.readUInt16LE(i + 28)) === name) buf.writeUInt32LE(size, i + 24);
  }
  return buf;
}
