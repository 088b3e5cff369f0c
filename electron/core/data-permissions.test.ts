import { appendFile, chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../tests/support/temp-dir';
import { declare, journalPath, mustOk, startEngine } from '../../tests/support/engine-harness';
import { openEngine } from './engine';
import { createConfSettings } from './settings/conf-settings';

// Incidents are read by nobody but their owner: other local users must not be able to list
// or read a data folder, a journal, a snapshot or a file set aside.

const posix = process.platform !== 'win32';
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe.runIf(posix)('the data folder', () => {
  it('is created 0700 with incidents/ and each incident folder 0700, and every file in it 0600', async () => {
    await withTempDir(async (root) => {
      const dataDir = join(root, 'fresh', 'data');
      const engine = await openEngine({ dataDir, settings: createConfSettings(dataDir), scheduler: false });
      const incident = await declare(engine);
      await mustOk(engine.dispatch('timeline.log', { incidentId: incident.id, text: 'Error rate 38%' }));
      await mustOk(engine.dispatch('settings.update', { operatorName: 'Dana' }));
      await engine.close();

      const incidentDir = join(dataDir, 'incidents', incident.id);
      expect(await modeOf(dataDir)).toBe(0o700);
      expect(await modeOf(join(dataDir, 'incidents'))).toBe(0o700);
      expect(await modeOf(incidentDir)).toBe(0o700);
      expect(await modeOf(journalPath(dataDir, incident.id))).toBe(0o600);
      expect(await modeOf(join(incidentDir, 'snapshot.json'))).toBe(0o600);
      expect(await modeOf(join(dataDir, 'settings.json'))).toBe(0o600);
    });
  });

  it('keeps a cut torn tail and a recovered journal 0600', async () => {
    await withTempDir(async (dataDir) => {
      let engine = await startEngine(dataDir);
      const incident = await declare(engine);
      for (let i = 0; i < 3; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: incident.id, text: `note ${i}` }));
      await engine.close();
      const journal = journalPath(dataDir, incident.id);
      await appendFile(journal, '{"crc":"0000');

      engine = await startEngine(dataDir);
      await engine.close();
      const incidentDir = join(dataDir, 'incidents', incident.id);
      const torn = (await readdir(incidentDir)).filter((name) => name.startsWith('journal.torn-'));
      expect(torn).toHaveLength(1);
      expect(await modeOf(join(incidentDir, torn[0]!))).toBe(0o600);

      // A damaged record in the middle, then Recover: the fresh journal is private too.
      const lines = (await readFile(journal, 'utf8')).split('\n');
      const damaged = lines.findIndex((line) => line.includes('note 0'));
      lines[damaged] = lines[damaged]!.replace('note 0', 'note X');
      await writeFile(journal, lines.join('\n'));
      await chmod(journal, 0o600);
      engine = await startEngine(dataDir);
      await mustOk(engine.dispatch('journal.recover', { incidentId: incident.id }));
      await engine.close();
      expect(await modeOf(journal)).toBe(0o600);
      const aside = (await readdir(incidentDir)).filter((name) => name.startsWith('journal.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(await modeOf(join(incidentDir, aside[0]!))).toBe(0o600);
    });
  });

  it('tightens a folder an older version left open to other users', async () => {
    await withTempDir(async (dataDir) => {
      await mkdir(join(dataDir, 'incidents'), { recursive: true });
      await chmod(dataDir, 0o755);
      await chmod(join(dataDir, 'incidents'), 0o755);
      const engine = await startEngine(dataDir);
      await engine.close();
      expect(await modeOf(dataDir)).toBe(0o700);
      expect(await modeOf(join(dataDir, 'incidents'))).toBe(0o700);
    });
  });
});
