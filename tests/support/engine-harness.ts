import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openEngine } from '../../electron/core/engine';
import type { Engine } from '../../electron/core/engine-types';
import { createMemorySettings } from '../../electron/core/settings/conf-settings';
import type { IncidentView } from '../../shared/contract/contract';

/** An engine on `dataDir`; the deadline scheduler is off unless a test is about it. */
export async function startEngine(dataDir: string, now?: () => number, scheduler = false): Promise<Engine> {
  return openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'test-ic' }), scheduler, ...(now ? { now } : {}) });
}

export async function mustOk<T = unknown>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export async function declare(engine: Engine, title = 'Checkout returns 500s'): Promise<IncidentView> {
  return mustOk<IncidentView>(engine.dispatch('incident.declare', { title, severity: 'SEV1' }));
}

export function journalPath(dataDir: string, incidentId: string): string {
  return join(dataDir, 'incidents', incidentId, 'journal.jsonl');
}

/** Every file under the data folder with its bytes, to prove that nothing changed. */
export async function snapshotTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else out.set(p, (await readFile(p)).toString('base64'));
    }
  };
  await walk(dir);
  return out;
}
