import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import type { IncidentEvent } from '../../../shared/domain/events';
import { onLines } from '../../../tests/support/child-lines';
import { declare, mustOk } from '../../../tests/support/engine-harness';
import { createPgPort } from './pg/pg-port';
import { startPostgres, type RunningPostgres } from '../../../tests/support/postgres';
import { type Console, converge, openConsole } from '../../../tests/support/sync-consoles';
import { makeTempDir } from '../../../tests/support/temp-dir';

let db: RunningPostgres;
beforeAll(async () => {
  db = await startPostgres();
  await db.migrate();
  await db.query("SELECT command_post_add_team('crash', 'Crash team')");
}, 60_000);
afterAll(async () => {
  await db?.stop();
});

interface Child {
  process: ChildProcess;
  acked: string[];
  have: number;
  exited: Promise<void>;
}

function startChild(dir: string, url: string, consoleId: string, mode: 'log' | 'idle', incidentId: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/sync-child.ts', dir, url, consoleId, mode, incidentId], { stdio: ['ignore', 'pipe', 'pipe'] });
  const state: Child = { process: child, acked: [], have: 0, exited: new Promise((r) => child.once('exit', () => r())) };
  onLines(child.stdout!, (line) => {
    if (line.startsWith('ack ')) state.acked.push(line.slice(4));
    if (line.startsWith('have ')) state.have = Number(line.slice(5));
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL' && code !== 0) console.error(`sync child exited ${code}: ${err.slice(-2000)}`);
  });
  return state;
}

async function kill(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function journalOf(dir: string, incidentId: string): Promise<IncidentEvent[]> {
  const text = await readFile(join(dir, 'incidents', incidentId, 'journal.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { event: IncidentEvent }).event);
}

const rowsOf = async (incidentId: string) =>
  (await db.query<{ id: string; server_seq: string; body: { payload?: { text?: string } } }>('SELECT id, server_seq, body FROM events WHERE incident_id = $1 ORDER BY server_seq', [incidentId])).rows;

describe('kill -9 of a syncing console', () => {
  it('during pushes: restarted, it neither loses nor doubles anything it acknowledged', async () => {
    const icUrl = `${await db.createMember('crash', 'ic_push', 'IC')}?team=crash`;
    const scribeUrl = `${await db.createMember('crash', 'scribe_push', 'Scribe')}?team=crash`;
    const ic: Console = await openConsole('IC', createPgPort, icUrl, { consoleId: 'ic-push' });
    const dir = await makeTempDir();
    try {
      const { id } = await declare(ic.engine, 'Killed while pushing');
      const acked: string[] = [];
      for (let round = 0; round < 4; round++) {
        const child = startChild(dir, scribeUrl, 'scribe-push', 'log', id);
        await until('some acknowledged notes', () => child.acked.length > 20 + round * 5);
        // Somewhere in a stream of pushes: every acknowledgement kicks one.
        await new Promise((r) => setTimeout(r, 30 + round * 37));
        await kill(child);
        acked.push(...child.acked);
      }
      const last = startChild(dir, scribeUrl, 'scribe-push', 'idle', id);
      try {
        await until('every acknowledged note in the database', async () => {
          const texts = new Set((await rowsOf(id)).map((r) => r.body.payload?.text));
          return acked.every((t) => texts.has(t));
        });
      } finally {
        await kill(last);
      }
      const rows = await rowsOf(id);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      expect(rows.map((r) => Number(r.server_seq))).toEqual(rows.map((_, i) => i + 1));
      const journal = await journalOf(dir, id);
      expect(new Set(journal.map((e) => e.id)).size).toBe(journal.length);
      expect(journal.map((e) => e.seq)).toEqual(journal.map((_, i) => i + 1));
      // And the IC, a console that never died, holds the same.
      await converge([ic], id);
      const view = await mustOk<IncidentView>(ic.engine.dispatch('incident.get', { incidentId: id }));
      await until('the IC to hold every note', async () => {
        await ic.engine.syncNow();
        const v = await mustOk<IncidentView>(ic.engine.dispatch('incident.get', { incidentId: id }));
        return v.lastSeq === rows.length;
      });
      expect(view.id).toBe(id);
    } finally {
      await ic.engine.close();
      await rm(ic.dir, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('during a long pull: restarted, it takes each event once', async () => {
    const icUrl = `${await db.createMember('crash', 'ic_pull', 'IC')}?team=crash`;
    const scribeUrl = `${await db.createMember('crash', 'scribe_pull', 'Scribe')}?team=crash`;
    const ic: Console = await openConsole('IC', createPgPort, icUrl, { consoleId: 'ic-pull' });
    const dir = await makeTempDir();
    try {
      const { id } = await declare(ic.engine, 'Killed while pulling');
      for (let i = 0; i < 3_000; i++) await mustOk(ic.engine.dispatch('timeline.log', { incidentId: id, text: `backlog ${i}` }));
      await ic.engine.syncNow();
      const total = (await rowsOf(id)).length;
      let midway = 0;
      for (let round = 0; round < 3; round++) {
        const child = startChild(dir, scribeUrl, 'scribe-pull', 'idle', id);
        // Killed once some, not all, of the backlog is in: in the middle of the pull.
        await until('part of the backlog', () => child.have > 0, 30_000);
        await new Promise((r) => setTimeout(r, round * 40));
        await kill(child);
        // What it reported before the kill; its journal may hold a little more.
        if (child.have < total) midway += 1;
      }
      expect(midway).toBeGreaterThan(0);
      const last = startChild(dir, scribeUrl, 'scribe-pull', 'idle', id);
      try {
        await until('the whole backlog', () => last.have === total, 30_000);
      } finally {
        await kill(last);
      }
      const journal = await journalOf(dir, id);
      expect(journal).toHaveLength(total);
      expect(new Set(journal.map((e) => e.id)).size).toBe(total);
    } finally {
      await ic.engine.close();
      await rm(ic.dir, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
