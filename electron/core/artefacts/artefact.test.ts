import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import { onLines } from '../../../tests/support/child-lines';
import { snapshotTree } from '../../../tests/support/engine-harness';
import { PNG_1X1 } from '../../../tests/support/image-bytes';
import { withTempDir } from '../../../tests/support/temp-dir';
import { openEngine } from '../engine';
import type { Engine } from '../engine-types';
import { createMemorySettings } from '../settings/conf-settings';
import { ArtefactStore, sha256 } from './artefact-store';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

async function open(dataDir: string, extra: Record<string, unknown> = {}): Promise<Engine> {
  return openEngine({ dataDir, scheduler: false, settings: createMemorySettings({ operatorName: 'Sam', ...extra }) });
}

async function must<T>(engine: Engine, command: string, input: unknown): Promise<T> {
  const result = await engine.dispatch(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
}

describe('artefacts on the timeline', () => {
  it('stores a pasted screenshot by its hash before the entry is acknowledged, and the bundle carries it', async () => {
    await withTempDir(async (dir) => {
      const engine = await open(dir);
      try {
        const incident = await must<IncidentView>(engine, 'incident.declare', { title: 'Checkout 500s', severity: 'SEV1' });
        const attached = await must<{ entryId: string; artefactId: string; hash: string }>(engine, 'artefact.attach', {
          incidentId: incident.id,
          name: 'grafana checkout.png',
          base64: b64(PNG_1X1),
          text: 'Error rate dashboard at 03:12',
        });
        expect(attached.hash).toBe(sha256(PNG_1X1));
        const files = await readdir(join(dir, 'incidents', incident.id, 'attachments'));
        expect(files).toEqual([attached.hash]);
        const view = await must<IncidentView>(engine, 'incident.get', { incidentId: incident.id });
        expect(view.artefacts).toEqual([expect.objectContaining({ id: attached.artefactId, entryId: attached.entryId, mime: 'image/png', size: PNG_1X1.length, name: 'grafana checkout.png', by: 'Sam' })]);
        const entry = view.timeline.find((e) => e.id === attached.entryId)!;
        expect(entry.text).toBe('Error rate dashboard at 03:12');
        const got = await must<{ base64: string; mime: string }>(engine, 'artefact.get', { incidentId: incident.id, artefactId: attached.artefactId });
        expect(got).toMatchObject({ base64: b64(PNG_1X1), mime: 'image/png' });

        // A log snippet onto the same entry; the same bytes twice are one file.
        await must(engine, 'artefact.attach', { incidentId: incident.id, entryId: attached.entryId, name: 'db.log', base64: b64('ERROR pool exhausted\n'.repeat(500)) });
        await must(engine, 'artefact.attach', { incidentId: incident.id, entryId: attached.entryId, name: 'again.png', base64: b64(PNG_1X1) });
        expect(await readdir(join(dir, 'incidents', incident.id, 'attachments'))).toHaveLength(2);

        const bundle = await must<{ base64: string }>(engine, 'bundle.export', { incidentId: incident.id });
        const zip = unzipSync(Buffer.from(bundle.base64, 'base64'));
        const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as { attachments: Array<{ path: string; sha256: string; size: number }> };
        expect(manifest.attachments).toHaveLength(3);
        for (const a of manifest.attachments) {
          expect(sha256(zip[a.path]!)).toBe(a.sha256);
          expect(zip[a.path]!.length).toBe(a.size);
        }
        const html = strFromU8(zip['postmortem.html']!);
        expect(html).toContain(`<img src="${manifest.attachments[0]!.path.replaceAll(' ', '%20')}"`);
      } finally {
        await engine.close();
      }
    });
  });

  it('an imported bundle brings its artefacts, each checked against its hash; a tampered one is refused whole', async () => {
    await withTempDir(async (from) => {
      await withTempDir(async (to) => {
        const source = await open(from);
        let bundle: Uint8Array;
        let incidentId: string;
        try {
          const incident = await must<IncidentView>(source, 'incident.declare', { title: 'Checkout 500s', severity: 'SEV1' });
          incidentId = incident.id;
          await must(source, 'artefact.attach', { incidentId, name: 'dash.png', base64: b64(PNG_1X1) });
          bundle = Buffer.from((await must<{ base64: string }>(source, 'bundle.export', { incidentId })).base64, 'base64');
        } finally {
          await source.close();
        }
        const zip = unzipSync(bundle);
        const path = Object.keys(zip).find((k) => k.startsWith('attachments/'))!;
        const tampered = zipSync({ ...zip, [path]: Uint8Array.from([...PNG_1X1.slice(0, -1), 0]) });
        const missing = zipSync(Object.fromEntries(Object.entries(zip).filter(([k]) => k !== path)));

        const target = await open(to);
        try {
          for (const [bad, message] of [
            [tampered, /does not match its sha-256 or size/],
            [missing, /lists .* but does not hold it/],
          ] as const) {
            const refused = await target.dispatch('bundle.import', { fileName: 'b.zip', base64: b64(bad) });
            expect(refused.ok ? '' : refused.error.message).toMatch(message);
          }
          expect(await must<unknown[]>(target, 'incident.list', {})).toEqual([]);
          await must(target, 'bundle.import', { fileName: 'b.zip', base64: b64(bundle) });
          const view = await must<IncidentView>(target, 'incident.get', { incidentId });
          const got = await must<{ base64: string }>(target, 'artefact.get', { incidentId, artefactId: view.artefacts[0]!.id });
          expect(got.base64).toBe(b64(PNG_1X1));
        } finally {
          await target.close();
        }
      });
    });
  });

  it('refuses too large, dangerous, damaged and unknown files with a clear message, writing nothing', async () => {
    await withTempDir(async (dir) => {
      const engine = await open(dir, { artefactMaxMiB: 1 });
      try {
        const incident = await must<IncidentView>(engine, 'incident.declare', { title: 'Checkout 500s', severity: 'SEV1' });
        const before = await snapshotTree(dir);
        const tries: Array<[string, Uint8Array, string, RegExp]> = [
          ['big.log', Buffer.alloc(1_200_000, 0x61), 'TOO_LARGE', /big\.log is 1\.1 MiB; an artefact may be at most 1 MiB/],
          ['setup.exe', Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'INVALID_INPUT', /setup\.exe was not attached: it is a Windows program/],
          ['cut.png', PNG_1X1.slice(0, 30), 'INVALID_INPUT', /cut\.png was not attached: it claims to be PNG but is cut short or damaged/],
          ['blob.bin', Uint8Array.from([0, 1, 2, 3, 0xfe, 0xff, 0]), 'INVALID_INPUT', /blob\.bin was not attached: it is not an image, a PDF or text/],
        ];
        for (const [name, bytes, code, message] of tries) {
          const refused = await engine.dispatch('artefact.attach', { incidentId: incident.id, name, base64: b64(bytes), text: 'keep me' });
          expect(refused.ok ? null : refused.error.code, name).toBe(code);
          expect(refused.ok ? '' : refused.error.message).toMatch(message);
        }
        const struck = await must<{ id: string }>(engine, 'timeline.log', { incidentId: incident.id, text: 'wrong' });
        await must(engine, 'timeline.strike', { incidentId: incident.id, entryId: struck.id, reason: 'typo' });
        const afterStrike = await snapshotTree(dir);
        const onStruck = await engine.dispatch('artefact.attach', { incidentId: incident.id, entryId: struck.id, name: 'a.png', base64: b64(PNG_1X1) });
        expect(onStruck.ok ? null : onStruck.error.message).toMatch(/struck/);
        expect([...before.keys()].every((k) => afterStrike.has(k))).toBe(true);
        expect([...afterStrike.keys()].some((k) => k.includes('attachments'))).toBe(false);
      } finally {
        await engine.close();
      }
    });
  });

  it('an acknowledged artefact survives kill -9; a file the crash left unnamed is never counted and is swept', async () => {
    await withTempDir(async (dir) => {
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../../tests/support/crash-artefact-child.ts', import.meta.url)), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      const acked: string[] = [];
      let incidentId = '';
      await new Promise<void>((resolve) => {
        onLines(child.stdout!, (line) => {
          if (line.startsWith('INCIDENT ')) incidentId = line.slice(9);
          if (line.startsWith('ACK ')) acked.push(line.slice(4));
          if (acked.length === 12) child.kill('SIGKILL');
        });
        child.on('close', () => resolve());
      });
      expect(acked.length).toBeGreaterThanOrEqual(12);
      // What a crash between the durable file and its event leaves: a file no event names.
      const attachments = join(dir, 'incidents', incidentId, 'attachments');
      await mkdir(attachments, { recursive: true });
      const orphan = 'f'.repeat(64);
      await writeFile(join(attachments, orphan), 'never acknowledged');

      const engine = await open(dir);
      try {
        const view = await must<IncidentView>(engine, 'incident.get', { incidentId });
        const held = new Set(view.artefacts.map((a) => a.hash));
        for (const hash of acked) expect(held.has(hash), hash).toBe(true);
        expect(held.has(orphan)).toBe(false);
        for (const a of view.artefacts.slice(0, 3)) expect((await engine.dispatch('artefact.get', { incidentId, artefactId: a.id })).ok).toBe(true);
        await must(engine, 'artefact.attach', { incidentId, name: 'after.png', base64: b64(PNG_1X1) });
        expect(await readdir(attachments)).not.toContain(orphan);
      } finally {
        await engine.close();
      }
    });
  }, 60_000);
});

describe('the sweep of unnamed files', () => {
  it("removes what no event names and a dead process's temporaries, never a file this process is writing", async () => {
    await withTempDir(async (dir) => {
      const store = new ArtefactStore(dir);
      const kept = await store.put(PNG_1X1);
      const stray = await store.put(Buffer.from('named by no event'));
      const other = 'a'.repeat(64);
      const attachments = join(dir, 'attachments');
      await writeFile(join(attachments, `${other}.999999999.1764470000000.tmp`), 'half');
      const writing = `${other}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(join(attachments, writing), 'being written');
      expect(await store.sweep(new Set([kept]))).toBe(2);
      expect((await readdir(attachments)).sort()).toEqual([kept, writing].sort());
      expect(stray).not.toBe(kept);
    });
  });
});

describe('an artefact on a full disk', () => {
  it('is refused in plain words, with nothing half-written left and nothing logged', async (context) => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const mountPoint = await mkdtemp(join(tmpdir(), 'command-post-full-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      await rm(mountPoint, { recursive: true, force: true });
      context.skip('a small tmpfs cannot be mounted here (not root, or no mount rights)');
    }
    try {
      const engine = await open(join(mountPoint, 'data'));
      try {
        const incident = await must<IncidentView>(engine, 'incident.declare', { title: 'Checkout 500s', severity: 'SEV1' });
        const before = (await must<IncidentView>(engine, 'incident.get', { incidentId: incident.id })).lastSeq;
        const refused = await engine.dispatch('artefact.attach', { incidentId: incident.id, name: 'huge.log', base64: b64('x'.repeat(600 * 1024)), text: 'keep me' });
        expect(refused.ok ? null : refused.error).toEqual({ code: 'UNAVAILABLE', message: 'The disk is full: huge.log was not attached. Your text is kept; free some space and try again.' });
        const attachments = join(mountPoint, 'data', 'incidents', incident.id, 'attachments');
        expect(await readdir(attachments).catch(() => [])).toEqual([]);
        expect((await must<IncidentView>(engine, 'incident.get', { incidentId: incident.id })).lastSeq).toBe(before);
      } finally {
        await engine.close();
      }
    } finally {
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
      await rm(mountPoint, { recursive: true, force: true });
    }
  });
});
