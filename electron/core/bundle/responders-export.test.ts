import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportedFile, ImportResult, IncidentView } from '../../../shared/contract/contract';
import { DRILL_BANNER } from '../../../shared/drills/marking';
import { RESPONDERS_FILE, RESPONDERS_PRIVATE_LINE } from '../../../shared/metrics/responders-file';
import { mustOk, snapshotTree } from '../../../tests/support/engine-harness';
import { withTempDir } from '../../../tests/support/temp-dir';
import { openEngine } from '../engine';
import type { Engine } from '../engine-types';
import { createMemorySettings } from '../settings/conf-settings';

const M = 60_000;
const H = 60 * M;
// Monday 30 November 2026, 21:30 UTC: 22:30 in Berlin (Dana's evening), 16:30 in New York (Sam's afternoon).
const T0 = Date.UTC(2026, 10, 30, 21, 30);
const weekdays = [1, 2, 3, 4, 5];
const ROSTER = [
  { id: 'p1', name: 'Dana', contact: '', usualRoles: [], workingHours: { timeZone: 'Europe/Berlin', days: weekdays, start: '09:00', end: '17:00' } },
  { id: 'p2', name: 'Sam', contact: '', usualRoles: [], workingHours: { timeZone: 'America/New_York', days: weekdays, start: '09:00', end: '17:00' } },
];
const TODAYS_FILES = ['action-items.csv', 'activity-log.csv', 'incident.jsonl', 'manifest.json', 'metrics.json', 'postmortem.html', 'postmortem.md', 'timeline.csv'];

async function withEngine(run: (engine: Engine, clock: { set: (t: number) => void }, dataDir: string) => Promise<void>, showResponderToll = true): Promise<void> {
  await withTempDir(async (dataDir) => {
    let wall = T0;
    const settings = createMemorySettings({ operatorName: 'Dana', operatorTimeZone: 'Europe/Berlin', roster: ROSTER, showResponderToll });
    const engine = await openEngine({ dataDir, now: () => wall, settings, scheduler: false });
    try {
      await run(engine, { set: (t) => (wall = t) }, dataDir);
    } finally {
      await engine.close();
    }
  });
}

/**
 * A SEV2 at night for Dana: she declares it as IC at 22:30 Berlin and hands it to Sam at 01:30,
 * past her midnight; Sam is tech lead from 16:35 New York (25 minutes before his day ends) until
 * it resolves at 20:30 his time, and IC for its last hour. Closed ten minutes later.
 */
async function nightIncident(engine: Engine, clock: { set: (t: number) => void }): Promise<string> {
  const { id } = await mustOk<IncidentView>(engine.dispatch('incident.declare', { title: 'Checkout 500s', severity: 'SEV2', operatorIsIc: true }));
  clock.set(T0 + 5 * M);
  await mustOk(engine.dispatch('role.assign', { incidentId: id, role: 'technical-lead', name: 'Sam' }));
  clock.set(T0 + 3 * H);
  await mustOk(engine.dispatch('role.handoff', { incidentId: id, role: 'incident-commander', name: 'Sam', briefing: { situation: 'Rolled back; watching error rate' } }));
  clock.set(T0 + 4 * H);
  await mustOk(engine.dispatch('incident.setStatus', { incidentId: id, status: 'mitigated' }));
  await mustOk(engine.dispatch('incident.setStatus', { incidentId: id, status: 'resolved' }));
  clock.set(T0 + 4 * H + 10 * M);
  await mustOk(engine.dispatch('incident.setStatus', { incidentId: id, status: 'closed', reviewNeeded: false }));
  return id;
}

const unzip = (file: ExportedFile) => unzipSync(Buffer.from(file.base64, 'base64'));
const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;

describe("the responders' toll in a bundle: off unless asked", () => {
  it('without the flag (or with it false), the bundle holds nothing about responders, byte for byte the same', async () => {
    await withEngine(async (engine, clock) => {
      const id = await nightIncident(engine, clock);
      const plain = await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId: id }));
      const asFalse = await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId: id, includeResponderToll: false }));
      expect(asFalse.base64).toBe(plain.base64);
      const files = unzip(plain);
      expect(Object.keys(files).sort()).toEqual(TODAYS_FILES);
      expect(plain.contents.some((name) => /private|respond/i.test(name))).toBe(false);
      expect(Object.keys(manifestOf(files)).sort()).toEqual(['attachments', 'events', 'exportedAt', 'format', 'incidentId', 'timeZone', 'title', 'version']);
      expect(strFromU8(files['manifest.json']!)).not.toMatch(/respond|private/i);
    });
  });

  it('asked while the figures are off on this console: CONFLICT, said plainly, and nothing written', async () => {
    await withEngine(async (engine, clock, dataDir) => {
      const id = await nightIncident(engine, clock);
      const before = await snapshotTree(dataDir);
      const refused = await engine.dispatch('bundle.export', { incidentId: id, includeResponderToll: true });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toMatch(/for the team's leads and are off on this console: turn them on in Settings → Roster to include them in a bundle/);
      expect(await snapshotTree(dataDir)).toEqual(before);
    }, false);
  });

  it("asked where the leads turned them on: one private file with each person's hours on this incident, and the bundle still imports", async () => {
    await withEngine(async (engine, clock) => {
      const id = await nightIncident(engine, clock);
      const exported = await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId: id, includeResponderToll: true }));
      const files = unzip(exported);
      expect(Object.keys(files).sort()).toEqual([...TODAYS_FILES, RESPONDERS_FILE].sort());
      expect(exported.contents).toContain(RESPONDERS_FILE);
      expect(manifestOf(files).responders).toEqual({ path: RESPONDERS_FILE, private: true, derived: true });

      const md = strFromU8(files[RESPONDERS_FILE]!);
      expect(md.split('\n')[0]).toBe(RESPONDERS_PRIVATE_LINE);
      expect(md).toContain('- **Incident:** ' + id);
      // Dana: 22:30–01:30 on her Berlin clock, across her midnight, all of it outside 09–17; ended by handing IC to Sam.
      // Sam: 16:35–20:30 in New York, two roles at once counted once; 25 minutes inside his day; ended when it resolved.
      expect(md).toContain(
        [
          '| Person | On this incident | Outside working hours | Longest stretch without a handoff |',
          '| --- | --- | --- | --- |',
          '| Dana | 3 h | 3 h | 3 h, ended by a handoff |',
          '| Sam | 3 h 55 | 3 h 30 | 3 h 55, ended without a handoff |',
        ].join('\n'),
      );
      expect(md).toContain(
        ['## Recovery', '', '- Dana: 3 h on incident, 3 h outside working hours — plan recovery', '- Sam: 3 h 55 on incident, 3 h 30 outside working hours — plan recovery'].join('\n'),
      );
      // The post-mortem itself is unchanged by the flag.
      const plain = unzip(await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId: id })));
      for (const name of TODAYS_FILES.filter((n) => n !== 'manifest.json')) expect(strFromU8(files[name]!)).toBe(strFromU8(plain[name]!));

      await withTempDir(async (otherDir) => {
        const other = await openEngine({ dataDir: otherDir, settings: createMemorySettings({ operatorName: 'Lee' }), scheduler: false });
        try {
          const result = await mustOk<ImportResult>(other.dispatch('bundle.import', { fileName: exported.fileName, base64: exported.base64 }));
          expect(result).toMatchObject({ incidentId: id, created: true });
          const copy = await mustOk<IncidentView>(other.dispatch('incident.get', { incidentId: id }));
          expect(copy.roleHistory).toEqual((await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }))).roleHistory);
        } finally {
          await other.close();
        }
      });
    });
  });

  it('an open SEV2 has its hours but no recovery note yet; a drill starts with the DRILL line and gets no note', async () => {
    await withEngine(async (engine, clock) => {
      const { id } = await mustOk<IncidentView>(engine.dispatch('incident.declare', { title: 'Search slow', severity: 'SEV2', operatorIsIc: true }));
      clock.set(T0 + 90 * M);
      const open = strFromU8(unzip(await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId: id, includeResponderToll: true })))[RESPONDERS_FILE]!);
      expect(open).toContain('| Dana | 1 h 30 | 1 h 30 | 1 h 30, still on |');
      expect(open).toContain('The recovery note is written when this SEV2 closes.');

      const drill = await mustOk<IncidentView>(engine.dispatch('drill.start', { scenario: { builtin: 'bad-deploy' }, speed: 1 }));
      await mustOk(engine.dispatch('role.assign', { incidentId: drill.id, role: 'incident-commander', name: 'Dana' }));
      clock.set(T0 + 2 * H);
      const practice = strFromU8(unzip(await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId: drill.id, includeResponderToll: true })))[RESPONDERS_FILE]!);
      expect(practice.split('\n').slice(0, 3)).toEqual([DRILL_BANNER, '', RESPONDERS_PRIVATE_LINE]);
      expect(practice).toContain('| Dana | 30 min | 30 min | 30 min, still on |');
      expect(practice).toContain('A drill is practice: it gets no recovery note.');
    });
  });
});
