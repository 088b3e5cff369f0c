// A year of incidents: one closed incident is made through the engine (declared, a note,
// resolved, closed), and its journal is the template for a thousand others, written straight to
// disk with the engine's record encoder under new ids, restamped across the past year. Only
// the five open ones and nothing else is opened by the engine here: summaries are written by
// the first start, which the bench times as "first start after the upgrade".
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openEngine } from '../electron/core/engine';
import { JOURNAL_FILE } from '../electron/core/journal/incident-log';
import { encodeRecord } from '../electron/core/journal/record';
import { createMemorySettings } from '../electron/core/settings/conf-settings';
import type { IncidentEvent } from '../shared/domain/events';
import { formatStamp } from '../shared/domain/hlc';
import { noteText } from './fixtures';

export interface YearPlan {
  closedSmall: number;
  closedLarge: number;
  largeEvents: number;
  open: number;
}

export const YEAR: YearPlan = { closedSmall: 990, closedLarge: 5, largeEvents: 10_000, open: 5 };

const DAY = 86_400_000;

interface Template {
  /** Events before the first note: the declaration and its policy. */
  opening: IncidentEvent[];
  note: IncidentEvent;
  /** Resolved, then closed. */
  closing: IncidentEvent[];
}

async function makeTemplate(dir: string): Promise<Template> {
  const engine = await openEngine({ dataDir: dir, scheduler: false, settings: createMemorySettings({ operatorName: 'bench-ic' }) });
  const ok = async (command: string, input: object) => {
    const r = await engine.dispatch(command as never, input as never);
    if (!r.ok) throw new Error(`${command} refused: ${r.error.message}`);
    return r.value as { id: string };
  };
  const { id } = await ok('incident.declare', { title: 'Checkout returns 500s', severity: 'SEV2', summary: 'A year of incidents' });
  await ok('timeline.log', { incidentId: id, text: 'template note' });
  await ok('incident.setStatus', { incidentId: id, status: 'resolved' });
  await ok('incident.setStatus', { incidentId: id, status: 'closed', reviewNeeded: false });
  await engine.close();
  const lines = (await readFile(join(dir, 'incidents', id, JOURNAL_FILE), 'utf8')).trimEnd().split('\n');
  const events = lines.map((l) => (JSON.parse(l) as { event: IncidentEvent }).event);
  const first = events.findIndex((e) => e.type === 'timeline.logged');
  return { opening: events.slice(0, first), note: events[first]!, closing: events.slice(first + 1) };
}

/** One incident's journal: its events renumbered and restamped a second apart from `start`. */
function journalOf(t: Template, incidentId: string, notes: number, closed: boolean, start: number): string {
  const events: IncidentEvent[] = [...t.opening];
  for (let i = 0; i < notes; i++) {
    const n = t.note as Extract<IncidentEvent, { type: 'timeline.logged' }>;
    events.push({ ...n, payload: { ...n.payload, entryId: randomUUID(), text: noteText(i) } } as IncidentEvent);
  }
  if (closed) events.push(...t.closing);
  return events
    .map((e, i) => {
      const at = start + i * 1_000;
      const payload = e.type === 'timeline.logged' ? { ...e.payload, occurredAt: at } : e.payload;
      return encodeRecord({ ...e, id: randomUUID(), incidentId, seq: i + 1, at, hlc: formatStamp({ wall: at, counter: 0, node: 'bench-year' }), payload } as IncidentEvent);
    })
    .join('');
}

/** Writes the year's incidents into `dataDir/incidents`; returns their ids, newest last. */
export async function buildYear(root: string, dataDir: string, plan: YearPlan = YEAR): Promise<string[]> {
  const t = await makeTemplate(join(root, 'year-template'));
  const total = plan.closedSmall + plan.closedLarge + plan.open;
  const now = Date.now();
  const ids: string[] = [];
  for (let k = 0; k < total; k++) {
    const id = `INC-YEAR-${String(k).padStart(4, '0')}`;
    const large = k < plan.closedLarge;
    const open = k >= total - plan.open;
    // Spread over the past year, oldest first; the open ones are today's.
    const start = open ? now - (total - k) * 3_600_000 : now - 365 * DAY + k * ((360 * DAY) / total);
    const dir = join(dataDir, 'incidents', id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(join(dir, JOURNAL_FILE), journalOf(t, id, large ? plan.largeEvents : 3, !open, start), { mode: 0o600 });
    ids.push(id);
  }
  return ids;
}
