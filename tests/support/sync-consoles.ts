// Several consoles (engines with their own data folders) syncing through one store, for tests.
import { rm } from 'node:fs/promises';
import { afterEach, expect } from 'vitest';
import type { IncidentView } from '../../shared/contract/contract';
import { openEngine, type Engine } from '../../electron/core/engine';
import { createMemorySettings } from '../../electron/core/settings/conf-settings';
import type { SyncPortFactory } from '../../electron/core/sync/sync-port';
import { makeTempDir } from './temp-dir';
import { mustOk } from './engine-harness';
import { MemoryDatabase } from './memory-sync';

export interface Console {
  name: string;
  dir: string;
  engine: Engine;
  consoleId: string;
}

export async function openConsole(
  name: string,
  factory: SyncPortFactory,
  url: string,
  options: { dir?: string; heartbeatMs?: number; consoleId?: string } = {},
): Promise<Console> {
  const dir = options.dir ?? (await makeTempDir());
  const consoleId = options.consoleId ?? `${name.toLowerCase()}-console`;
  const engine = await openEngine({
    dataDir: dir,
    scheduler: false,
    consoleId,
    settings: createMemorySettings({ operatorName: name }),
    sync: { factory, override: { url }, heartbeatMs: options.heartbeatMs ?? 300, retryMs: [30, 60, 120] },
  });
  return { name, dir, engine, consoleId };
}

/** The incident's state as every console must hold it: the view without what is this console's own. */
export function stateJson(view: IncidentView): string {
  const { integrity: _i, shared: _s, ...state } = view;
  return JSON.stringify(state);
}

export async function viewOn(c: Console, incidentId: string): Promise<IncidentView> {
  return mustOk<IncidentView>(c.engine.dispatch('incident.get', { incidentId }));
}

/** Sync passes on every console until all hold the same state (or the passes run out). */
export async function converge(consoles: Console[], incidentId: string, passes = 6): Promise<string> {
  let states: string[] = [];
  for (let i = 0; i < passes; i++) {
    for (const c of consoles) await c.engine.syncNow();
    states = [];
    for (const c of consoles) {
      const r = await c.engine.dispatch('incident.get', { incidentId });
      states.push(r.ok ? stateJson(r.value as IncidentView) : `missing: ${r.error.message}`);
    }
    if (states.every((s) => s === states[0])) return states[0]!;
  }
  expect(states.slice(1).map((s) => s === states[0])).toEqual(states.slice(1).map(() => true));
  return states[0]!;
}

/** A team member's connection URL to the in-memory team database. */
export const memoryUrl = (login: string) => `postgres://${login}:pw@memory.test/command_post?team=ops`;

/** A team of consoles (one per name, its login the lower-cased name) syncing through one in-memory database. */
export async function memoryTeam(names: string[]): Promise<{ db: MemoryDatabase; consoles: Console[] }> {
  const db = new MemoryDatabase();
  const consoles: Console[] = [];
  for (const name of names) {
    const login = name.toLowerCase();
    db.addMember(login, 'ops');
    consoles.push(await openConsole(name, (c) => db.port(c), memoryUrl(login)));
  }
  return { db, consoles };
}

/** Closes each console's engine and removes its data folder. */
export async function closeConsoles(consoles: readonly Console[]): Promise<void> {
  for (const c of consoles) {
    await c.engine.close();
    await rm(c.dir, { recursive: true, force: true });
  }
}

/**
 * For a test file: `team(names)` makes an in-memory team, and every console it makes (or that is
 * `kept`) is closed and its folder removed after each test. `replace` swaps in a console restarted
 * on another's folder, so the one already closed is not closed twice.
 */
export function consolesPerTest(): {
  team(names: string[]): Promise<{ db: MemoryDatabase; consoles: Console[] }>;
  keep(...consoles: Console[]): void;
  replace(old: Console, next: Console): void;
} {
  let open: Console[] = [];
  afterEach(async () => {
    await closeConsoles(open);
    open = [];
  });
  return {
    async team(names) {
      const made = await memoryTeam(names);
      open.push(...made.consoles);
      return made;
    },
    keep(...consoles) {
      open.push(...consoles);
    },
    replace(old, next) {
      open = open.map((c) => (c === old ? next : c));
    },
  };
}
