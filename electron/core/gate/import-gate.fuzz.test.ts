import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportResult, IncidentView } from '../../../shared/contract/contract';
import { ERROR_CODES } from '../../../shared/contract/result';
import { declare, mustOk, snapshotTree, startEngine } from '../../../tests/support/engine-harness';
import { bundleOf, importBytes, journalEvents, journalLines, noteEvent } from '../../../tests/support/import-files';
import { arbitraryEventSequence } from '../../../tests/support/arbitrary-events';
import { withTempDir } from '../../../tests/support/temp-dir';
import { replay } from '../../../shared/domain/reducer';

// Every file from outside is either imported whole or refused with a clear message, and a
// refusal changes nothing that was stored. The files are real ones (a scribe's log, a bundle
// of the incident) bent the ways a careless tool or an attacker would bend them.

type Raw = Record<string, unknown>;

const ODD_STRINGS = ['', 'a"b', '../x', 'INC-x', '__proto__', 'é'.repeat(3), '\u202eevil', 'x'.repeat(81), '\u0000', '👩‍🚒'];

/** One change to a list of events; applied by index modulo the length. */
const eventMutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('id' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 90 })) }),
  fc.record({ kind: fc.constant('incident' as const), at: fc.nat(), value: fc.constantFrom('INC-OTHER-1', 'lower', '', '../etc') }),
  fc.record({ kind: fc.constant('extraKey' as const), at: fc.nat(), key: fc.constantFrom('extra', '__proto__', 'constructor', 'seq2'), inPayload: fc.boolean() }),
  fc.record({ kind: fc.constant('opening' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('actor' as const), at: fc.nat(), value: fc.constantFrom('test-ic', 'Mallory', '', 'a\nb', 'x'.repeat(201)) }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), value: fc.constantFrom('incident.statusChanged', 'update.sent', 'escalation.policySet', 'no.such', 'timeline.pinned') }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), value: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constant('x'.repeat(20_001))) }),
  fc.record({ kind: fc.constant('seq' as const), at: fc.nat(), value: fc.constantFrom(0, -1, 1.5, 2 ** 60) }),
);

/** One change to the bytes of the finished file. */
const byteMutation = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
);

function mutate(events: Raw[], m: Mutation, incidentId: string): Raw[] {
  const out: Raw[] = events.map((e): Raw => ({ ...e, payload: { ...(e.payload as Raw) } }));
  if (out.length === 0) return out;
  const i = m.at % out.length;
  const e = out[i]!;
  switch (m.kind) {
    case 'drop':
      out.splice(i, 1);
      break;
    case 'duplicate':
      out.splice(i, 0, { ...e });
      break;
    case 'swap': {
      const j = m.with % out.length;
      [out[i], out[j]] = [out[j]!, e];
      break;
    }
    case 'id':
      e.id = m.value;
      break;
    case 'incident':
      e.incidentId = m.value === 'lower' ? incidentId.toLowerCase() : m.value;
      break;
    case 'extraKey':
      Object.defineProperty(m.inPayload ? e.payload : e, m.key, { value: 'x', enumerable: true, writable: true, configurable: true });
      break;
    case 'opening':
      out.push({ ...e, id: randomUUID(), seq: 10_000, type: 'incident.declared', payload: { title: 'again', severity: 'SEV1', detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null } });
      break;
    case 'actor':
      e.actor = m.value;
      break;
    case 'type':
      e.type = m.value;
      break;
    case 'text':
      (e.payload as Raw).text = m.value;
      break;
    case 'seq':
      e.seq = m.value;
      break;
  }
  return out;
}

type Mutation = typeof eventMutation extends fc.Arbitrary<infer T> ? T : never;
type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never;

function bend(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const out = Buffer.from(bytes);
  switch (m.kind) {
    case 'none':
      return out;
    case 'flip':
      if (out.length > 0) out[m.at % out.length]! ^= 1 << m.bit;
      return out;
    case 'truncate':
      return out.subarray(0, Math.floor(out.length * m.keep));
    case 'append':
      return Buffer.concat([out, m.bytes]);
  }
}

describe('the import gate, given bent files', () => {
  it('imports each whole or refuses it clearly, and a refusal changes nothing', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const { id } = await declare(engine);
      await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: 'IC note' }));
      const own = await journalEvents(dir, id);
      const counts = { imported: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.array(eventMutation, { maxLength: 3 }),
          byteMutation,
          fc.integer({ min: 1, max: 6 }),
          async (asBundle, mutations, bytesBent, notes) => {
            const scribe = Array.from({ length: notes }, (_, n) => noteEvent(id, 'Lee (scribe)', n + 1, `offline ${n}`)) as unknown as Raw[];
            const base: Raw[] = asBundle ? [...(own as unknown as Raw[]), ...scribe.map((e, n) => ({ ...e, seq: own.length + n + 1 }))] : scribe;
            const events = mutations.reduce((list, m) => mutate(list, m, id), base);
            const lines = journalLines(events);
            const file = bend(asBundle ? bundleOf(lines) : lines, bytesBent);
            const before = await snapshotTree(dir);
            let result = await importBytes(engine, asBundle ? 'bent.zip' : 'bent.jsonl', file);
            if (result.ok && (result.value as ImportResult).confirmToken) {
              result = await importBytes(engine, 'bent.zip', file, (result.value as ImportResult).confirmToken!);
            }
            if (!result.ok) {
              counts.refused += 1;
              expect(ERROR_CODES).toContain(result.error.code);
              expect(result.error.message.length).toBeGreaterThan(10);
              expect(result.error.message.length).toBeLessThan(1_000);
              expect(await snapshotTree(dir)).toEqual(before);
              return;
            }
            counts.imported += 1;
            // Whole: every event the file meant to bring is here, once.
            const held = (await journalEvents(dir, id)).map((e) => e.id);
            expect(new Set(held).size).toBe(held.length);
            for (const e of events) expect(held).toContain(e.id);
          },
        ),
        { numRuns: 150 },
      );
      // Both outcomes were exercised, and the incident still opens clean and takes a note.
      expect(counts.imported).toBeGreaterThan(5);
      expect(counts.refused).toBeGreaterThan(30);
      await engine.close();
      const again = await startEngine(dir);
      const view = await mustOk<IncidentView>(again.dispatch('incident.get', { incidentId: id }));
      expect(view.integrity.status).toBe('ok');
      await mustOk(again.dispatch('timeline.log', { incidentId: id, text: 'still writing' }));
      await again.close();
    });
  }, 120_000);

  it('imports any valid journal whole into an empty folder, as the reducer would build it', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (salt) => {
          n += 1;
          const id = `INC-fz${n}-${salt}`;
          // Artefacts are left out: a bundle naming one must carry its file (artefact.test.ts tries that).
          const [events] = fc.sample(arbitraryEventSequence(id, { strict: true, maxEvents: 25, without: ['artefact.attached'] }), { numRuns: 1, seed: salt });
          const result = await mustOk<ImportResult>(importBytes(engine, 'any.zip', bundleOf(journalLines(events!))));
          expect(result).toMatchObject({ created: true, added: events!.length });
          const view = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
          const expected = replay(events!)!;
          expect(view.timeline.map(({ origin: _o, ...t }) => t)).toEqual(expected.timeline);
          expect({ status: view.status, severity: view.severity, roles: view.roles, lastSeq: view.lastSeq }).toEqual({
            status: expected.status,
            severity: expected.severity,
            roles: expected.roles,
            lastSeq: expected.lastSeq,
          });
        }),
        { numRuns: 40 },
      );
      await engine.close();
    });
  }, 120_000);
});
