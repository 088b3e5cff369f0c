import { randomUUID } from 'node:crypto';
import { appendFile, copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentListItem, IncidentView } from '../../../shared/contract/contract';
import type { IncidentEvent, NewEvent } from '../../../shared/domain/events';
import { HybridClock } from '../../../shared/domain/hlc';
import { declare, journalPath, mustOk, startEngine } from '../../../tests/support/engine-harness';
import { withTempDir } from '../../../tests/support/temp-dir';
import type { Engine } from '../engine-types';
import { type IdleOptions, IncidentRegistry } from '../incident-registry';
import { SUMMARY_FILE } from './summary-file';

const MINUTE = 60_000;

async function closeIncident(engine: Engine, id: string): Promise<void> {
  await mustOk(engine.dispatch('incident.setStatus', { incidentId: id, status: 'resolved' }));
  await mustOk(engine.dispatch('incident.setStatus', { incidentId: id, status: 'closed', reviewNeeded: false }));
}

/** One closed incident and one still open, written by an engine that then shut down. */
async function seed(dir: string): Promise<{ closed: string; open: string; list: IncidentListItem[] }> {
  const engine = await startEngine(dir);
  const closed = (await declare(engine, 'Last spring')).id;
  await mustOk(engine.dispatch('timeline.log', { incidentId: closed, text: 'rolled back' }));
  await closeIncident(engine, closed);
  const open = (await declare(engine, 'Right now')).id;
  const list = await mustOk<IncidentListItem[]>(engine.dispatch('incident.list', {}));
  await engine.close();
  return { closed, open, list };
}

const openRegistry = (dir: string, idle: IdleOptions = {}) => IncidentRegistry.open(dir, () => Date.now(), () => undefined, new HybridClock('c0nsole1', () => Date.now()), idle);

const opened = (registry: IncidentRegistry) => registry.opened().map((log) => log.state?.id);

describe('summaries of closed incidents', () => {
  it('starts without opening a closed incident, lists it from its summary, and opens it when asked', async () => {
    await withTempDir(async (dir) => {
      const { closed, open, list } = await seed(dir);
      const registry = await openRegistry(dir);
      expect(opened(registry)).toEqual([open]);
      expect(registry.has(closed.toLowerCase())).toBe(true);
      expect(registry.heldId(closed.toLowerCase())).toBe(closed);
      expect(registry.cardsOfAll().map((c) => c.id).sort()).toEqual([closed, open].sort());
      const log = await registry.get(closed);
      expect(log.state?.status).toBe('closed');
      expect(registry.opensFromSummary).toBe(1);
      expect(opened(registry).sort()).toEqual([closed, open].sort());
      await registry.close();

      const engine = await startEngine(dir);
      expect(await mustOk(engine.dispatch('incident.list', {}))).toEqual(list);
      const view = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: closed }));
      expect(view.timeline.some((e) => e.text === 'rolled back')).toBe(true);
      await engine.close();
    });
  });

  it('never trusts a summary older than its journal: a crash between a commit and the summary', async () => {
    await withTempDir(async (dir) => {
      const { closed } = await seed(dir);
      const summary = join(dir, 'incidents', closed, SUMMARY_FILE);
      await copyFile(summary, `${summary}.before`);
      const engine = await startEngine(dir);
      await mustOk(engine.dispatch('incident.setStatus', { incidentId: closed, status: 'investigating', reason: 'errors are back' }));
      await engine.close();
      // As if the process died after the commit was durable and before the summary was written.
      await copyFile(`${summary}.before`, summary);

      const registry = await openRegistry(dir);
      expect(opened(registry)).toContain(closed);
      expect(registry.cardsOfAll().find((c) => c.id === closed)?.status).toBe('investigating');
      await registry.close();
      const again = await startEngine(dir);
      const list = await mustOk<IncidentListItem[]>(again.dispatch('incident.list', {}));
      expect(list.find((i) => i.id === closed)?.status).toBe('investigating');
      await again.close();
    });
  });

  it('opens a closed incident whose journal grew a torn line after its summary, and lists it repaired', async () => {
    await withTempDir(async (dir) => {
      const { closed } = await seed(dir);
      await appendFile(journalPath(dir, closed), '{"crc":"0000');
      const registry = await openRegistry(dir);
      // Opened, repaired, and put back to a summary that now says so.
      expect(registry.cardsOfAll().find((c) => c.id === closed)).toMatchObject({ status: 'closed', integrity: { status: 'repaired' } });
      expect(JSON.parse(await readFile(join(dir, 'incidents', closed, SUMMARY_FILE), 'utf8'))).toMatchObject({ card: { integrity: { status: 'repaired' } } });
      await registry.close();
    });
  });

  it('writes a summary for a closed incident that had none, so the next start skips it', async () => {
    await withTempDir(async (dir) => {
      const { closed, open } = await seed(dir);
      const summary = join(dir, 'incidents', closed, SUMMARY_FILE);
      await appendFile(summary, 'x'); // not JSON any more
      const first = await openRegistry(dir);
      expect(opened(first)).toEqual([open]);
      expect(JSON.parse(await readFile(summary, 'utf8'))).toMatchObject({ format: 1, card: { id: closed } });
      await first.close();
    });
  });
});

describe('idle closed incidents', () => {
  it('closes a closed incident nobody used for a while, never an open one, and opens it again on use', async () => {
    await withTempDir(async (dir) => {
      const { closed, open } = await seed(dir);
      const registry = await openRegistry(dir);
      await registry.get(closed);
      expect(await registry.closeIdle(performance.now())).toBe(0);
      expect(await registry.closeIdle(performance.now() + 11 * MINUTE)).toBe(1);
      expect(opened(registry)).toEqual([open]);
      expect(registry.has(closed)).toBe(true);
      expect((await registry.get(closed)).state?.title).toBe('Last spring');
      await registry.close();
    });
  });

  it('still knows an incident while it is being closed to its summary', async () => {
    await withTempDir(async (dir) => {
      const { closed } = await seed(dir);
      const registry = await openRegistry(dir);
      await registry.get(closed);
      const closing = registry.closeIdle(performance.now() + 11 * MINUTE);
      expect(registry.has(closed)).toBe(true);
      expect(registry.heldId(closed.toLowerCase())).toBe(closed);
      const again = registry.get(closed);
      expect(await closing).toBe(1);
      expect((await again).state?.id).toBe(closed);
      await registry.close();
    });
  });

  it('never closes one a command holds', async () => {
    await withTempDir(async (dir) => {
      const { closed } = await seed(dir);
      const registry = await openRegistry(dir, { idleCloseMs: MINUTE });
      await registry.get(closed);
      let release: () => void = () => undefined;
      const held = registry.exclusive(closed, () => new Promise<void>((resolve) => (release = resolve)));
      await new Promise((resolve) => setImmediate(resolve));
      expect(await registry.closeIdle(performance.now() + 2 * MINUTE)).toBe(0);
      release();
      await held;
      await new Promise((resolve) => setImmediate(resolve));
      expect(await registry.closeIdle(performance.now() + 2 * MINUTE)).toBe(1);
      await registry.close();
    });
  });

  it('a report over every closed incident leaves them closed after reading them', async () => {
    await withTempDir(async (dir) => {
      const { closed, open } = await seed(dir);
      const registry = await openRegistry(dir);
      const title = await registry.visit(closed, (log) => log.state?.title);
      expect(title).toBe('Last spring');
      expect(opened(registry)).toEqual([open]);
      await registry.close();
    });
  });

  it('writes the summary of a closed incident a moment after its last commit: a crash then costs no replay', async () => {
    await withTempDir(async (dir) => {
      const { closed, open } = await seed(dir);
      const registry = await openRegistry(dir, { quietSummaryMs: 20 });
      const log = await registry.get(closed);
      const lines = (await readFile(journalPath(dir, closed), 'utf8')).trimEnd().split('\n');
      const note = lines.map((l) => (JSON.parse(l) as { event: IncidentEvent }).event).find((e) => e.type === 'timeline.logged')!;
      const { seq: _seq, hlc: _hlc, ...draft } = note;
      await log.commit([{ ...draft, id: randomUUID(), at: Date.now() } as NewEvent]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stored = JSON.parse(await readFile(join(dir, 'incidents', closed, SUMMARY_FILE), 'utf8')) as { journalBytes: number; card: { lastSeq: number } };
      expect(stored.journalBytes).toBe((await stat(journalPath(dir, closed))).size);
      expect(stored.card.lastSeq).toBe(log.state?.lastSeq);
      // As if the process died here: another start trusts that summary.
      const after = await openRegistry(dir);
      expect(opened(after)).toEqual([open]);
      await after.close();
      await registry.close();
    });
  });
});

describe('a damaged closed incident', () => {
  it('stays listed as damaged at every start, and is never summarised', async () => {
    await withTempDir(async (dir) => {
      const { closed } = await seed(dir);
      const path = journalPath(dir, closed);
      const lines = (await readFile(path, 'utf8')).split('\n');
      lines[1] = lines[1]!.replace('"crc":"', '"crc":"f');
      await writeFile(path, lines.join('\n'));
      for (let start = 0; start < 2; start++) {
        const registry = await openRegistry(dir);
        expect(registry.cardsOfAll().find((c) => c.id === closed)).toMatchObject({ status: 'closed', integrity: { status: 'corrupt' } });
        expect((await registry.get(closed)).integrity.status).toBe('corrupt');
        await registry.close();
      }
    });
  });
});
