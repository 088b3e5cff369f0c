import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../tests/support/temp-dir';
import { loadOrCreateToken } from './host-token';

describe('host token', () => {
  it('is kept across restarts, private to the user, and rotated on request', async () => {
    await withTempDir(async (dir) => {
      const first = await loadOrCreateToken(dir);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await loadOrCreateToken(dir)).toBe(first);
      if (process.platform !== 'win32') expect((await stat(path.join(dir, 'host-token'))).mode & 0o077).toBe(0);
      const rotated = await loadOrCreateToken(dir, true);
      expect(rotated).not.toBe(first);
      expect(await loadOrCreateToken(dir)).toBe(rotated);
    });
  });
});
