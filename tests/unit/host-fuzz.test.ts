// Fuzzes the wire boundary: the real engine behind the real Node host, driven through a real
// WebSocket with the token and no Origin, as a local tool would. Every contract command gets
// input its own schema refuses (wrong shapes, types and sizes, unicode, prototype keys, deep
// nesting, numbers JSON cannot carry), and the host must answer each with a typed error, stay
// up, and leave the data directory byte for byte as it was. Malformed frames, unknown
// commands, a flood past the in-flight cap and refused upgrades complete the picture; what
// server.test.ts already covers with a fake engine is not repeated here.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { openEngine } from '../../electron/core/engine';
import type { Engine } from '../../electron/core/engine-types';
import { createMemorySettings } from '../../electron/core/settings/conf-settings';
import { MAX_IN_FLIGHT } from '../../electron/host-web/connection';
import { startHost, type RunningHost } from '../../electron/host-web/server';
import { COMMAND_NAMES, commands, isCommandName, type CommandName, type IncidentView } from '../../shared/contract/contract';
import { LIMITS } from '../../shared/contract/limits';
import type { WireReply } from '../../shared/contract/wire';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  AUDIENCES,
  BACKFILL_FIELDS,
  DETECTION_SOURCES,
  DISMISS_OUTCOMES,
  DRAFT_KINDS,
  ENTRY_KINDS,
  FACTOR_TAGS,
  ROLE_KEYS,
  SEVERITIES,
  STATUSES,
  WORKSTREAM_KINDS,
  WORKSTREAM_STATUSES,
} from '../../shared/domain/incident';
import { makeTempDir } from '../support/temp-dir';

/** Runs per command: about 500 refused inputs over the 71 commands, plus the frame, unknown-command and literal properties. */
const RUNS_PER_COMMAND = 7;
const REFUSED_BY_SCHEMA = ['INVALID_INPUT', 'TOO_LARGE'];

// ---- generated JSON, written by hand so that keys like __proto__ and numbers like -0 survive ----

type Node =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  /** Written verbatim: valid JSON that parses to a surprise (1e400 is Infinity, -0 stays -0). */
  | { kind: 'literal'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'array'; items: Node[] }
  | { kind: 'object'; entries: [string, Node][] }
  | { kind: 'nested'; depth: number; open: '[' | '{' };

/** `lenient`: NaN and ±Infinity are written as bare words, which no JSON parser accepts. */
function write(node: Node, lenient = false): string {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      if (Object.is(node.value, -0)) return '-0';
      if (!Number.isFinite(node.value)) return lenient ? String(node.value) : 'null';
      return JSON.stringify(node.value);
    case 'literal':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${node.items.map((item) => write(item, lenient)).join(',')}]`;
    case 'object':
      return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${write(value, lenient)}`).join(',')}}`;
    case 'nested':
      return node.open === '[' ? `${'['.repeat(node.depth)}${']'.repeat(node.depth)}` : `${'{"a":'.repeat(node.depth)}1${'}'.repeat(node.depth)}`;
  }
}

function hasNonFinite(node: Node): boolean {
  if (node.kind === 'number') return !Number.isFinite(node.value);
  if (node.kind === 'array') return node.items.some(hasNonFinite);
  if (node.kind === 'object') return node.entries.some(([, value]) => hasNonFinite(value));
  return false;
}

const ENUM_WORDS = [
  ...SEVERITIES, ...STATUSES, ...ENTRY_KINDS, ...ROLE_KEYS, ...AUDIENCES, ...DRAFT_KINDS, ...WORKSTREAM_KINDS,
  ...WORKSTREAM_STATUSES, ...DETECTION_SOURCES, ...DISMISS_OUTCOMES, ...BACKFILL_FIELDS, ...ACTION_PRIORITIES,
  ...ACTION_STATUSES, ...FACTOR_TAGS, 'txt', 'md', 'html', 'statuspage', 'SEV0', 'system',
];
const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];
const LONG_LENGTHS = [LIMITS.name + 1, LIMITS.title + 1, LIMITS.summary + 1, LIMITS.entryText + 1, 70_000];

function shapeKeys(name: CommandName): string[] {
  const schema = commands[name].input as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** Values for one field: some plausible (so other fields get checked too), most wrong in some way. */
function valueArb(plausible: readonly string[]): fc.Arbitrary<Node> {
  const string = (value: string): Node => ({ kind: 'string', value });
  return fc.letrec<{ value: Node }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...plausible, ...ENUM_WORDS).map(string),
      fc.string({ unit: 'binary', maxLength: 30 }).map(string),
      fc.string({ unit: 'grapheme', maxLength: 30 }).map(string),
      fc.constantFrom('', ' ', '\u0000', '\u202e', '\ud800', '../../etc/passwd', 'C:\\Windows', '%2e%2e', '\uFEFF', '🚨'.repeat(50)).map(string),
      fc.tuple(fc.constantFrom(...LONG_LENGTHS), fc.constantFrom('x', 'é', '𝕏', ' ')).map(([length, unit]) => string(unit.repeat(length))),
      fc.double().map((value): Node => ({ kind: 'number', value })),
      fc.integer().map((value): Node => ({ kind: 'number', value })),
      fc.constantFrom(1_800_000_000_000, 946_684_799_999, 7_258_118_400_001, 0.04, 1441, Number.MAX_SAFE_INTEGER + 2).map((value): Node => ({ kind: 'number', value })),
      fc.constantFrom('1e400', '-1e400', '1e-400', '-0', '-0.0', '0e0', '123456789012345678901234567890').map((text): Node => ({ kind: 'literal', text })),
      fc.boolean().map((value): Node => ({ kind: 'boolean', value })),
      fc.constant<Node>({ kind: 'null' }),
      fc.record({ depth: fc.integer({ min: 20, max: 3_000 }), open: fc.constantFrom<'[' | '{'>('[', '{') }).map((n): Node => ({ kind: 'nested', ...n })),
      fc.array(tie('value'), { maxLength: 4 }).map((items): Node => ({ kind: 'array', items })),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...POISON_KEYS), fc.string({ maxLength: 8 })), tie('value')), { maxLength: 3 })
        .map((entries): Node => ({ kind: 'object', entries })),
    ),
  })).value;
}

/** A valid value for each required field of any command, so that a mutated input gets past the others. */
function validField(key: string, ids: SeededIds): Node {
  const str = (value: string): Node => ({ kind: 'string', value });
  const fields: Record<string, Node> = {
    incidentId: str(ids.incidentId),
    entryId: str(ids.entryId),
    workstreamId: str(ids.workstreamId),
    responderId: str(ids.responderId),
    actionId: str(ids.actionId),
    draftId: str('draft-1'),
    personId: str('person-1'),
    title: str('Checkout returns 500s'),
    text: str('Error rate back under 1%'),
    name: str('Dana'),
    target: str('DBA on call'),
    body: str('We are investigating elevated errors at checkout.'),
    channel: str('#incident'),
    actor: str('fuzz-ic'),
    severity: str('SEV2'),
    status: str('investigating'),
    outcome: str(DISMISS_OUTCOMES[0]),
    field: str(BACKFILL_FIELDS[0]),
    role: str(ROLE_KEYS[0]),
    audience: str('internal'),
    kind: str('internal'),
    format: str('txt'),
    fileName: str('notes.jsonl'),
    base64: str(''),
    at: { kind: 'number', value: 1_800_000_000_000 },
    intervalMinutes: { kind: 'number', value: 10 },
    pinned: { kind: 'boolean', value: true },
    briefing: { kind: 'object', entries: [] },
    url: str('postgres://fuzz@127.0.0.1:1/command_post'),
    team: str('ops'),
    enabled: { kind: 'boolean', value: false },
    conflictId: str('no-such-conflict'),
    to: str(ids.incidentId),
    auth: str('none'),
    hours: { kind: 'number', value: 1 },
    address: { kind: 'null' },
    scenario: { kind: 'object', entries: [['builtin', str('bad-deploy')]] },
    action: str('pause'),
    injectId: str('a1'),
    item: str('What is the impact?'),
    done: { kind: 'boolean', value: true },
    artefactId: str('no-such-artefact'),
  };
  const value = fields[key];
  if (!value) throw new Error(`no valid value for the required field ${key}`);
  return value;
}

function requiredKeys(name: CommandName): string[] {
  const shape = (commands[name].input as { shape?: Record<string, { safeParse(value: unknown): { success: boolean } }> }).shape ?? {};
  return Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
}

/** The smallest valid input of `name`: its required fields, each valid. */
function validInput(name: CommandName, ids: SeededIds): Node {
  return { kind: 'object', entries: requiredKeys(name).map((key) => [key, validField(key, ids)]) };
}

type Mutation = { op: 'set'; key: string; value: Node } | { op: 'delete'; key: string } | { op: 'repeat'; key: string; value: Node };

/** A valid input with one to three fields made wrong, removed, repeated or added (JSON keeps the last of a repeated key). */
function mutatedArb(name: CommandName, ids: SeededIds): fc.Arbitrary<Node> {
  const keys = shapeKeys(name);
  const required = requiredKeys(name);
  const value = valueArb(ids.all);
  const key = fc.oneof(
    { weight: 5, arbitrary: keys.length > 0 ? fc.constantFrom(...keys) : fc.constantFrom(...POISON_KEYS) },
    { weight: 2, arbitrary: fc.constantFrom(...POISON_KEYS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), key, value }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), key, value }) },
    ...(required.length > 0 ? [{ weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom(...required) }) }] : []),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
    const base = validInput(name, ids);
    let entries = base.kind === 'object' ? [...base.entries] : [];
    for (const change of mutations) {
      if (change.op === 'delete') entries = entries.filter(([k]) => k !== change.key);
      else if (change.op === 'repeat') entries.push([change.key, change.value]);
      else {
        const at = entries.findIndex(([k]) => k === change.key);
        if (at === -1) entries.push([change.key, change.value]);
        else entries[at] = [change.key, change.value];
      }
    }
    return { kind: 'object', entries };
  });
}

/** An input for `name`: mostly a valid one made wrong in a field or two, sometimes any object or value, or none. */
function inputArb(name: CommandName, ids: SeededIds): fc.Arbitrary<Node | undefined> {
  const keys = shapeKeys(name);
  const value = valueArb(ids.all);
  const key = fc.oneof(
    { weight: 4, arbitrary: keys.length > 0 ? fc.constantFrom(...keys) : fc.constantFrom(...POISON_KEYS) },
    { weight: 1, arbitrary: fc.constantFrom(...POISON_KEYS) },
  );
  const shaped = fc.array(fc.tuple(key, value), { maxLength: keys.length + 2 }).map((entries): Node => ({ kind: 'object', entries }));
  return fc.oneof(
    { weight: 6, arbitrary: mutatedArb(name, ids) },
    { weight: 2, arbitrary: shaped },
    { weight: 1, arbitrary: value },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

// ---- the host, a client, and the data directory ---------------------------------------------

class Client {
  private readonly waiting = new Map<string, (reply: WireReply) => void>();
  readonly unpaired: WireReply[] = [];
  closedWith: number | null = null;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const reply = JSON.parse(String(data)) as WireReply;
      if ('event' in reply) return;
      const key = reply.id === null ? 'null' : JSON.stringify(reply.id);
      const resolve = this.waiting.get(key);
      if (resolve) {
        this.waiting.delete(key);
        resolve(reply);
      } else {
        this.unpaired.push(reply);
      }
    });
    socket.on('close', (code) => {
      this.closedWith = code;
    });
  }

  static open(url: string): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new Client(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends raw text (or bytes) and waits for the reply carrying `replyId` (null for BAD_FRAME). */
  request(frame: string | Buffer, replyId: string | number | null, binary = false): Promise<WireReply> {
    const key = replyId === null ? 'null' : JSON.stringify(replyId);
    if (this.waiting.has(key)) throw new Error(`already waiting for ${key}`);
    const reply = new Promise<WireReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply for ${key} to ${String(frame).slice(0, 120)}`)), 5_000);
      this.waiting.set(key, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
    this.socket.send(frame, { binary });
    return reply;
  }

  call(command: unknown, input: unknown, id: string | number = nextId()): Promise<WireReply> {
    return this.request(JSON.stringify({ id, command, input }), id);
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

let counter = 0;
const nextId = () => `r${++counter}`;

/** sha256 of every file under `dir`, by relative path. */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out[full.slice(dir.length + 1)] = createHash('sha256').update(await readFile(full)).digest('hex');
    }
  };
  await walk(dir);
  return out;
}

function prototypeNames(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].flatMap((proto) =>
    Object.getOwnPropertyNames(proto).map((name) => `${proto.constructor.name}.${name}`),
  );
}

/** Wraps the engine to count dispatches and the most that were ever waiting at once. */
function counted(engine: Engine) {
  const stats = { dispatched: 0, inFlight: 0, maxInFlight: 0 };
  const wrapped: Engine = {
    ...engine,
    async dispatch(command, input) {
      stats.dispatched += 1;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        return await engine.dispatch(command, input);
      } finally {
        stats.inFlight -= 1;
      }
    },
    subscribe: (listener) => engine.subscribe(listener),
  };
  return { engine: wrapped, stats };
}

function expectRefused(reply: WireReply, id: string | number | null, codes: readonly string[], label: string): void {
  expect(reply.id, label).toBe(id);
  expect(reply.ok, label).toBe(false);
  if (reply.ok) return;
  expect(typeof reply.error.code, label).toBe('string');
  expect(codes, `${label}: ${reply.error.code} ${reply.error.message.slice(0, 200)}`).toContain(reply.error.code);
  expect(typeof reply.error.message, label).toBe('string');
  expect(reply.error.message.length, label).toBeGreaterThan(0);
}

// ---- fixture: one seeded incident, reopened so that nothing is left to write ------------------

let dataDir: string;
let engine: Engine;
let stats: ReturnType<typeof counted>['stats'];
let host: RunningHost;
let client: Client;
const hostLog: string[] = [];
interface SeededIds {
  incidentId: string;
  entryId: string;
  workstreamId: string;
  responderId: string;
  actionId: string;
  /** Every id and a few real-looking words, for fields to pick from. */
  all: string[];
}
let ids: SeededIds;
let incidentId = '';

beforeAll(async () => {
  dataDir = await makeTempDir();
  const seeding = await openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'fuzz-ic' }), scheduler: false });
  const must = async <T>(command: CommandName, input: unknown): Promise<T> => {
    const result = await seeding.dispatch(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
    return result.value as T;
  };
  const incident = await must<IncidentView>('incident.declare', { title: 'Checkout returns 500s', severity: 'SEV1' });
  incidentId = incident.id;
  const entry = await must<{ id: string }>('timeline.log', { incidentId, text: 'Error rate 38% on checkout-api' });
  const workstream = await must<{ id: string }>('workstream.open', { incidentId, title: 'Roll back deploy' });
  const responder = await must<{ id: string }>('responder.add', { incidentId, name: 'Kim (DBA)' });
  await must('action.add', { incidentId, title: 'Alert on 5xx ratio' });
  const [action] = (await must<IncidentView>('incident.get', { incidentId })).actionItems;
  const seeded = { incidentId, entryId: entry.id, workstreamId: workstream.id, responderId: responder.id, actionId: action!.id };
  ids = { ...seeded, all: [...Object.values(seeded), 'Dana', '2026-12-01', 'https://example.com/x'] };
  await seeding.close();

  ({ engine, stats } = counted(await openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'fuzz-ic' }), scheduler: false })));
  host = await startHost({ engine, log: (line) => hostLog.push(line) });
  client = await Client.open(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
});

afterAll(async () => {
  await client?.close();
  await host?.close();
  await engine?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// ---- the properties --------------------------------------------------------------------------

describe('the host under garbage', () => {
  it('answers refused input to every command with a typed error and changes nothing on disk', async () => {
    const before = await hashTree(dataDir);
    const settingsBefore = await client.call('settings.get', {});
    const prototypesBefore = prototypeNames();
    const internal = vi.spyOn(console, 'error');
    const dispatchedBefore = stats.dispatched;
    const started = performance.now();
    const covered: Record<string, number> = {};
    const codes: Record<string, number> = {};

    for (const name of COMMAND_NAMES) {
      covered[name] = 0;
      // The fuzz means something only if the input it starts from is valid: each refusal is then about the change.
      expect(commands[name].input.safeParse(JSON.parse(write(validInput(name, ids)))).success, `a valid ${name}`).toBe(true);
      await fc.assert(
        fc.asyncProperty(inputArb(name, ids), async (input) => {
          const text = input === undefined ? undefined : write(input);
          // What the engine will see: the host parses the frame, the engine treats no input as {}.
          const seen: unknown = text === undefined ? {} : JSON.parse(text);
          fc.pre(!commands[name].input.safeParse(seen).success);
          covered[name] = (covered[name] ?? 0) + 1;
          const id = nextId();
          const frame = text === undefined ? `{"id":"${id}","command":"${name}"}` : `{"id":"${id}","command":"${name}","input":${text}}`;
          const reply = await client.request(frame, id);
          expectRefused(reply, id, REFUSED_BY_SCHEMA, `${name} ${frame.slice(0, 200)}`);
          if (!reply.ok) codes[reply.error.code] = (codes[reply.error.code] ?? 0) + 1;
        }),
        { numRuns: RUNS_PER_COMMAND },
      );
    }

    const seconds = (performance.now() - started) / 1000;
    const runs = Object.values(covered).reduce((a, b) => a + b, 0);
    console.info(
      `host fuzz: ${runs} refused inputs over ${Object.keys(covered).length} commands in ${seconds.toFixed(1)} s (${JSON.stringify(codes)})`,
    );
    expect(Object.entries(covered).filter(([, n]) => n < RUNS_PER_COMMAND)).toEqual([]);
    expect(stats.dispatched - dispatchedBefore).toBe(runs);
    expect(internal, 'the engine logged an internal failure').not.toHaveBeenCalled();
    expect(hostLog).toEqual([]);
    expect(client.closedWith).toBeNull();
    expect(client.unpaired).toEqual([]);
    expect(prototypeNames()).toEqual(prototypesBefore);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    expect((await client.call('settings.get', {})) as { value?: unknown }).toMatchObject({ ok: true, value: (settingsBefore as { value?: unknown }).value });
    internal.mockRestore();
    expect(await client.call('incident.list', {})).toMatchObject({ ok: true, value: [{ id: incidentId }] });
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('refuses frames carrying NaN or Infinity as bare words (not JSON) before they reach the engine', async () => {
    const before = stats.dispatched;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COMMAND_NAMES),
        valueArb(ids.all),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        async (name, value, bad) => {
          const input: Node = { kind: 'object', entries: [['incidentId', { kind: 'number', value: bad }], ['x', value]] };
          expect(hasNonFinite(input)).toBe(true);
          const frame = `{"id":"${nextId()}","command":"${name}","input":${write(input, true)}}`;
          expectRefused(await client.request(frame, null), null, ['BAD_FRAME'], frame.slice(0, 200));
        },
      ),
      { numRuns: 30 },
    );
    expect(stats.dispatched).toBe(before);
    expect(await client.call('incident.list', {})).toMatchObject({ ok: true });
  });

  it('answers UNKNOWN_COMMAND to any name outside the contract, whatever its type', async () => {
    const name = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !isCommandName(s)),
      fc.constantFrom(
        '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'incident.declare ', ' incident.list',
        'Incident.declare', 'incident.declare\u0000', 'incident..declare', 'incident', 'commands', 'x'.repeat(70_000),
      ),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.constantFrom(...COMMAND_NAMES), { minLength: 1, maxLength: 2 }),
      fc.dictionary(fc.constantFrom(...POISON_KEYS), fc.constantFrom(...COMMAND_NAMES)),
    );
    const before = stats.dispatched;
    await fc.assert(
      fc.asyncProperty(name, async (command) => {
        const id = nextId();
        const reply = await client.call(command, {}, id);
        expectRefused(reply, id, ['UNKNOWN_COMMAND'], String(JSON.stringify(command)).slice(0, 80));
        if (!reply.ok) expect(reply.error.message.length).toBeLessThan(200);
      }),
      { numRuns: 40 },
    );
    const id = nextId();
    expectRefused(await client.request(`{"id":"${id}"}`, id), id, ['UNKNOWN_COMMAND'], 'no command at all');
    expect(stats.dispatched - before).toBe(41);
  });
});

describe('malformed frames', () => {
  it('answer BAD_FRAME without reaching the engine, and the connection stays usable', async () => {
    const before = stats.dispatched;
    const frames = [
      '',
      ' ',
      '\uFEFF{"id":1,"command":"incident.list","input":{}}',
      '{"id":1,"command":"incident.list","input":{}',
      '{"id":1,"command":"incident.list","input":{}} {}',
      '{"id":1e400,"command":"incident.list","input":{}}',
      '{"id":-1e400,"command":"incident.list","input":{}}',
      '{"id":NaN,"command":"incident.list","input":{}}',
      '{"id":1,"id":{},"command":"incident.list"}',
      '{"__proto__":{"id":5},"command":"incident.list","input":{}}',
      '{"constructor":{"prototype":{"id":5}},"command":"incident.list"}',
      `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
      `{"id":1,"input":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`,
      "{'id':1,'command':'incident.list'}",
      '{"id":1,"command":"incident.list","input":undefined}',
      '{"id":0x10,"command":"incident.list"}',
    ];
    for (const frame of frames) {
      expectRefused(await client.request(frame, null), null, ['BAD_FRAME'], frame.slice(0, 80));
    }
    expectRefused(await client.request(Buffer.from('{"id":1,"command":"incident.list","input":{}}'), null, true), null, ['BAD_FRAME'], 'binary JSON');
    expect(stats.dispatched).toBe(before);
    expect(await client.call('incident.list', {})).toMatchObject({ ok: true });
  });

  it('any text at all is answered with a typed error and never reaches a handler', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json({ maxDepth: 3 })), async (frame) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(frame);
        } catch {
          parsed = undefined;
        }
        const id = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { id?: unknown }).id : undefined;
        const paired = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
        fc.pre(!paired || !isCommandName((parsed as { command?: unknown }).command));
        const replyId = paired ? (id as string | number) : null;
        const reply = await client.request(frame, replyId);
        expectRefused(reply, replyId, paired ? ['UNKNOWN_COMMAND'] : ['BAD_FRAME'], frame.slice(0, 80));
      }),
      { numRuns: 40 },
    );
  });

  it('a text frame that is not UTF-8 closes that connection (RFC 6455: 1007); others carry on', async () => {
    const bad = await Client.open(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    const closed = new Promise<number>((resolve) => bad.socket.once('close', (code) => resolve(code)));
    bad.socket.send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    expect(hostLog.splice(0)).toEqual(['connection error: Invalid WebSocket frame: invalid UTF-8 sequence']);
    expect(await client.call('incident.list', {})).toMatchObject({ ok: true });
  });
});

describe('a flood of requests', () => {
  it(`is bounded at ${MAX_IN_FLIGHT} in flight; refused ones change nothing; the host answers normally afterwards`, async () => {
    const flood = await Client.open(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    const total = 2_000;
    const replies = new Map<number, WireReply>();
    const done = new Promise<void>((resolve) => {
      flood.socket.on('message', (data) => {
        const reply = JSON.parse(String(data)) as WireReply;
        if (typeof reply.id !== 'number') return;
        expect(replies.has(reply.id), `two replies for ${reply.id}`).toBe(false);
        replies.set(reply.id, reply);
        if (replies.size === total) resolve();
      });
    });
    stats.maxInFlight = 0;
    const countBefore = ((await client.call('incident.get', { incidentId })) as { value: IncidentView }).value.timeline.length;
    for (let id = 0; id < total; id++) {
      flood.socket.send(JSON.stringify({ id, command: 'timeline.log', input: { incidentId, text: `flood note ${id}` } }));
    }
    await done;

    const accepted = [...replies.values()].filter((reply) => reply.ok).map((reply) => reply.id as number);
    const limited = [...replies.values()].filter((reply) => !reply.ok);
    for (const reply of limited) expectRefused(reply, reply.id, ['RATE_LIMITED'], `flood ${String(reply.id)}`);
    expect(accepted.length + limited.length).toBe(total);
    expect(limited.length, 'some requests were over the cap').toBeGreaterThan(0);
    expect(stats.maxInFlight).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    console.info(`host flood: ${accepted.length} of ${total} accepted, ${limited.length} RATE_LIMITED, at most ${stats.maxInFlight} in flight`);

    // Exactly the accepted notes are on the timeline: a refused request left no trace.
    const after = ((await client.call('incident.get', { incidentId })) as { value: IncidentView }).value.timeline;
    const flooded = after.filter((entry) => entry.text.startsWith('flood note ')).map((entry) => Number(entry.text.slice(11)));
    expect(after.length - countBefore).toBe(accepted.length);
    expect(flooded.sort((a, b) => a - b)).toEqual(accepted.sort((a, b) => a - b));

    const id = 'after-flood';
    flood.socket.send(JSON.stringify({ id, command: 'incident.list', input: {} }));
    const next = await new Promise<WireReply>((resolve) => flood.socket.on('message', (data) => {
      const reply = JSON.parse(String(data)) as WireReply;
      if (reply.id === id) resolve(reply);
    }));
    expect(next).toMatchObject({ ok: true });
    await flood.close();
    expect(hostLog).toEqual([]);
  });
});

describe('refused upgrades (beyond server.test.ts)', () => {
  function status(url: string, headers: Record<string, string> = {}): Promise<number | 'open'> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('open', () => {
        socket.close();
        resolve('open');
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  it('refuse look-alike origins and tokens, and a token anywhere but the address or a Bearer header; nothing is dispatched', async () => {
    const base = `ws://127.0.0.1:${host.port}/ws`;
    const before = stats.dispatched;
    for (const origin of [
      `http://127.0.0.1:${host.port}.evil.example`,
      `http://127.0.0.1:${host.port}@evil.example`,
      `http://127.0.0.1.evil.example:${host.port}`,
      `http://localhost:${host.port}/`,
      `HTTP://127.0.0.1:${host.port}`,
      `http://[::1]:${host.port}`,
      `file://`,
      `app://command-post`,
    ]) {
      expect(await status(`${base}?token=${host.token}`, { Origin: origin }), origin).toBe(403);
    }
    for (const query of [
      `?token=${host.token.toUpperCase()}`,
      `?token=${host.token}%20`,
      `?token=%20${host.token}`,
      `?token=${host.token.slice(0, 32)}`,
      `?token=wrong&token=${host.token}`,
      `?TOKEN=${host.token}`,
      `?token[]=${host.token}`,
    ]) {
      expect(await status(`${base}${query}`), query).toBe(401);
    }
    expect(await status(base, { Cookie: `token=${host.token}` }), 'the token as a cookie').toBe(401);
    expect(await status(base, { Authorization: `Bearer ${host.token.toUpperCase()}` })).toBe(401);
    expect(await status(base, { Authorization: `bearer ${host.token}` })).toBe(401);
    expect(await status(base, { Authorization: `Bearer ${host.token}` }), 'Bearer, as scripts may').toBe('open');
    expect(await status(`ws://127.0.0.1:${host.port}/ws/?token=${host.token}`)).toBe(404);
    expect(await status(`ws://127.0.0.1:${host.port}/WS?token=${host.token}`)).toBe(404);
    expect(await status(`${base}?token=${host.token}`)).toBe('open');
    expect(stats.dispatched).toBe(before);
  });
});
