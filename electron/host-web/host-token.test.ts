import { chmod, chown, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../tests/support/temp-dir';
import { loadOrCreateToken } from './host-token';

const posix = process.platform !== 'win32';
const A_TOKEN = 'ab'.repeat(32);

async function mustLoad(dir: string, rotate = false): Promise<string> {
  const loaded = await loadOrCreateToken(dir, rotate);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

describe('host token', () => {
  it('is kept across restarts, private to the user, and rotated on request', async () => {
    await withTempDir(async (dir) => {
      const first = await mustLoad(dir);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await mustLoad(dir)).toBe(first);
      if (posix) expect((await stat(path.join(dir, 'host-token'))).mode & 0o777).toBe(0o600);
      const rotated = await mustLoad(dir, true);
      expect(rotated).not.toBe(first);
      expect(await mustLoad(dir)).toBe(rotated);
      if (posix) expect((await stat(path.join(dir, 'host-token'))).mode & 0o777).toBe(0o600);
    });
  });

  it.runIf(posix)('refuses a token file that other users can read, saying which file and what to do', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'host-token');
      for (const mode of [0o644, 0o640, 0o604, 0o660, 0o602]) {
        await writeFile(file, `${A_TOKEN}\n`);
        await chmod(file, mode);
        const loaded = await loadOrCreateToken(dir);
        expect(loaded.ok, mode.toString(8)).toBe(false);
        if (!loaded.ok) {
          expect(loaded.error.code).toBe('UNSAFE_PERMISSIONS');
          expect(loaded.error.message).toContain(file);
          expect(loaded.error.message).toMatch(/--new-token/);
        }
      }
    });
  });

  it.runIf(posix && process.getuid?.() === 0)('refuses a token file planted by another user', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'host-token');
      await writeFile(file, `${A_TOKEN}\n`, { mode: 0o600 });
      await chown(file, 65534, 65534);
      const loaded = await loadOrCreateToken(dir);
      expect(loaded).toMatchObject({ ok: false, error: { code: 'UNSAFE_PERMISSIONS' } });
      if (!loaded.ok) expect(loaded.error.message).toMatch(/owned by user 65534/);
    });
  });

  it.runIf(posix)('refuses a token file that is a link to somewhere else', async () => {
    await withTempDir(async (dir) => {
      const elsewhere = path.join(dir, 'elsewhere');
      await writeFile(elsewhere, `${A_TOKEN}\n`, { mode: 0o600 });
      await symlink(elsewhere, path.join(dir, 'host-token'));
      expect(await loadOrCreateToken(dir)).toMatchObject({ ok: false, error: { code: 'UNSAFE_PERMISSIONS' } });
    });
  });

  it.runIf(posix && process.getuid?.() === 0)('replaces a planted file with a private one of our own when asked for a new token', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'host-token');
      await writeFile(file, `${A_TOKEN}\n`, { mode: 0o644 });
      await chown(file, 65534, 65534);
      const rotated = await mustLoad(dir, true);
      expect(rotated).not.toBe(A_TOKEN);
      const after = await stat(file);
      expect(after.uid).toBe(process.getuid!());
      expect(after.mode & 0o777).toBe(0o600);
    });
  });
});
