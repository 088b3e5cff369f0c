import { strToU8, unzipSync, zipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ExportedFile, ImportResult, IncidentView } from '../../../shared/contract/contract';
import type { Engine } from '../engine-types';
import { declare, journalPath, mustOk, snapshotTree, startEngine } from '../../../tests/support/engine-harness';
import { withTempDir } from '../../../tests/support/temp-dir';

async function richIncident(e: Engine): Promise<string> {
  const { id } = await declare(e, 'Checkout 500s in EU');
  // The commander runs this console, so what it logs is theirs.
  await mustOk(e.dispatch('settings.update', { operatorName: 'Dana Reyes' }));
  await mustOk(e.dispatch('role.assign', { incidentId: id, role: 'incident-commander', name: 'Dana Reyes' }));
  await mustOk(e.dispatch('timeline.log', { incidentId: id, text: 'Roll back release 4711', kind: 'decision' }));
  await mustOk(e.dispatch('timeline.log', { incidentId: id, text: 'Feature flag checkout-v2 off', kind: 'mitigation' }));
  await mustOk(e.dispatch('update.send', { incidentId: id, draftId: 'u1', kind: 'internal', body: 'We are on it.', channel: 'Slack' }));
  await mustOk(e.dispatch('incident.setStatus', { incidentId: id, status: 'resolved' }));
  await mustOk(e.dispatch('postmortem.update', { incidentId: id, rootCause: 'Bad config push', rootCauseCategory: 'configuration', fiveWhys: ['why 1', 'why 2'] }));
  await mustOk(e.dispatch('action.add', { incidentId: id, title: 'Validate config in CI', owner: 'Platform', dueDate: '2026-12-01', priority: 'P1' }));
  return id;
}

const importFile = (e: Engine, name: string, data: Uint8Array) =>
  e.dispatch('bundle.import', { fileName: name, base64: Buffer.from(data).toString('base64') });

describe('post-mortem bundles', () => {
  it('holds every file, and round-trips into an empty data folder: same state, same events, each marked with its origin', async () => {
    await withTempDir(async (a) => {
      await withTempDir(async (b) => {
        const source = await startEngine(a);
        const id = await richIncident(source);
        const exported = await mustOk<ExportedFile>(source.dispatch('bundle.export', { incidentId: id }));
        const files = unzipSync(Buffer.from(exported.base64, 'base64'));
        expect(Object.keys(files).sort()).toEqual(
          ['action-items.csv', 'activity-log.csv', 'incident.jsonl', 'manifest.json', 'metrics.json', 'postmortem.html', 'postmortem.md', 'timeline.csv', 'updates/001-internal-internal.txt'].sort(),
        );
        const md = new TextDecoder().decode(files['postmortem.md']);
        expect(md).toContain('## Root cause\n\nBad config push (configuration)');
        expect(md).toContain('| Validate config in CI | Platform | 2026-12-01 | P1 | open |');
        // Blameless: the timeline names roles, not people.
        expect(md).toMatch(/\| Incident commander \| \[decision\] Roll back release 4711/);
        expect(md).not.toMatch(/Dana Reyes \|/);
        expect(new TextDecoder().decode(files['postmortem.html'])).not.toMatch(/<script|src=|href=/);

        const target = await startEngine(b);
        const result = await mustOk<ImportResult>(importFile(target, exported.fileName, Buffer.from(exported.base64, 'base64')));
        expect(result).toMatchObject({ incidentId: id, created: true, alreadyHad: 0 });
        const original = await mustOk<IncidentView>(source.dispatch('incident.get', { incidentId: id }));
        const rebuilt = await mustOk<IncidentView>(target.dispatch('incident.get', { incidentId: id }));
        // The same state and the same events; each imported event also says where it came from.
        const origin = { source: 'bundle', file: exported.fileName, by: 'test-ic' };
        expect(rebuilt.timeline.map((t) => t.origin)).toEqual(rebuilt.timeline.map(() => expect.objectContaining(origin)));
        expect({ ...rebuilt, timeline: rebuilt.timeline.map(({ origin: _o, ...t }) => t) }).toEqual(original);
        const events = (await readFile(journalPath(b, id), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).event);
        const originals = (await readFile(journalPath(a, id), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).event);
        expect(events.map(({ origin: _o, ...e }: { origin: unknown }) => e)).toEqual(originals);
        expect(events.every((e: { origin?: unknown }) => e.origin !== undefined)).toBe(true);

        const before = await snapshotTree(b);
        const again = await mustOk<ImportResult>(importFile(target, exported.fileName, Buffer.from(exported.base64, 'base64')));
        expect(again).toMatchObject({ added: 0, alreadyHad: result.added });
        expect(await snapshotTree(b)).toEqual(before);
        await source.close();
        await target.close();
      });
    });
  });

  it("merges an offline scribe's log into the commander's timeline by id", async () => {
    await withTempDir(async (ic) => {
      await withTempDir(async (scribeDir) => {
        const commander = await startEngine(ic);
        const { id } = await declare(commander);
        const bundle = await mustOk<ExportedFile>(commander.dispatch('bundle.export', { incidentId: id }));
        const scribe = await startEngine(scribeDir);
        await mustOk(importFile(scribe, 'b.zip', Buffer.from(bundle.base64, 'base64')));
        await mustOk(scribe.dispatch('settings.update', { operatorName: 'Lee (scribe)' }));
        for (const text of ['offline 1', 'offline 2']) await mustOk(scribe.dispatch('timeline.log', { incidentId: id, text }));
        await mustOk(commander.dispatch('timeline.log', { incidentId: id, text: 'from the war room' }));
        const log = await mustOk<ExportedFile>(scribe.dispatch('scribe.export', { incidentId: id, actor: 'Lee (scribe)' }));
        expect(log.fileName).toMatch(/scribe-Lee-scribe\.jsonl$/);
        const merged = await mustOk<ImportResult>(importFile(commander, log.fileName, Buffer.from(log.base64, 'base64')));
        expect(merged).toMatchObject({ added: 2, created: false });
        const v = await mustOk<IncidentView>(commander.dispatch('incident.get', { incidentId: id }));
        const notes = v.timeline.filter((t) => t.kind === 'note');
        // In the order they were made (their clock stamps; two consoles may share a millisecond).
        expect(notes.map((n) => [n.text, n.actor]).sort()).toEqual([
          ['from the war room', 'test-ic'],
          ['offline 1', 'Lee (scribe)'],
          ['offline 2', 'Lee (scribe)'],
        ]);
        expect(notes.findIndex((n) => n.text === 'offline 1')).toBeLessThan(notes.findIndex((n) => n.text === 'offline 2'));
        expect(await importFile(commander, log.fileName, Buffer.from(log.base64, 'base64'))).toMatchObject({ ok: true, value: { added: 0 } });
        await commander.close();
        await scribe.close();
      });
    });
  });

  it('refuses bad files with a clear message and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const e = await startEngine(dir);
      const id = await richIncident(e);
      const good = Buffer.from((await mustOk<ExportedFile>(e.dispatch('bundle.export', { incidentId: id }))).base64, 'base64');
      const files = unzipSync(good);
      const before = await snapshotTree(dir);
      const journal = new TextDecoder().decode(files['incident.jsonl']);
      const tampered = journal.replace('Roll back release 4711', 'Roll back release 4712');
      const cases: Array<[string, Uint8Array, RegExp]> = [
        ['traversal', zipSync({ ...files, '../../evil.sh': strToU8('rm -rf /') }), /escapes its folder/],
        ['absolute', zipSync({ ...files, '/etc/passwd': strToU8('x') }), /escapes its folder/],
        ['truncated', good.subarray(0, Math.floor(good.length / 2)), /cannot be read|truncated/],
        ['bad checksum', zipSync({ ...files, 'incident.jsonl': strToU8(tampered) }), /damaged \(checksum does not match\)/],
        ['not a bundle', zipSync({ 'hello.txt': strToU8('hi') }), /not a Command Post bundle/],
        ['garbage', strToU8('MZ\u0090\u0000 not a zip'), /neither a Command Post bundle/],
        ['claims 2 GB', claimHugeSize(zipSync({ 'manifest.json': files['manifest.json']!, 'incident.jsonl': files['incident.jsonl']! })), /claims \d+ MiB/],
      ];
      for (const [name, data, message] of cases) {
        const result = await importFile(e, `${name}.zip`, data);
        expect(result, name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } });
      }
      expect(await e.dispatch('bundle.import', { fileName: 'x', base64: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await snapshotTree(dir)).toEqual(before);
      await e.close();
    });
  });
});

/** Rewrites the uncompressed-size fields of every entry to 2 GB, as a zip bomb would claim. */
function claimHugeSize(zip: Uint8Array): Uint8Array {
  const out = Buffer.from(zip);
  for (let i = 0; i < out.length - 4; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt32LE(2_000_000_000, i + 22);
    if (sig === 0x02014b50) out.writeUInt32LE(2_000_000_000, i + 24);
  }
  return out;
}

describe('an import cut short by a crash', () => {
  it('can be imported again: the unfinished folder is set aside', async () => {
    await withTempDir(async (a) => {
      await withTempDir(async (b) => {
        const { mkdir, writeFile, readdir } = await import('node:fs/promises');
        const { join } = await import('node:path');
        const source = await startEngine(a);
        const id = await richIncident(source);
        const zip = Buffer.from((await mustOk<ExportedFile>(source.dispatch('bundle.export', { incidentId: id }))).base64, 'base64');
        await source.close();
        // What a kill between creating the folder and the first durable write leaves behind.
        await mkdir(join(b, 'incidents', id), { recursive: true });
        await writeFile(join(b, 'incidents', id, 'journal.jsonl'), '{"crc":"12');
        const target = await startEngine(b);
        expect(await mustOk<ImportResult>(importFile(target, 'b.zip', zip))).toMatchObject({ incidentId: id, created: true });
        expect((await readdir(join(b, 'incidents'))).filter((n) => n.startsWith('.unfinished-'))).toHaveLength(1);
        await target.close();
      });
    });
  });
});
