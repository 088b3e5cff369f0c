import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../tests/support/temp-dir';
import { safeSecretStore, type SafeStorageLike } from './safe-secret';

const rot = (s: string) => Buffer.from(s, 'utf8').map((b) => b ^ 0x5a);
const keychain = (available: boolean): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(rot(plain)),
  decryptString: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('the team database password in Electron', () => {
  it('is sealed by the OS keychain, in a file only its owner reads, and never in the clear', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'sync', 'password');
      const store = safeSecretStore(path, keychain(true));
      await store.write('correct horse battery');
      expect(await store.read()).toBe('correct horse battery');
      expect((await readFile(path)).includes(Buffer.from('correct horse'))).toBe(false);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      await store.write(null);
      expect(await store.read()).toBeNull();
    });
  });

  it('falls back to a private file when the OS has no keychain, and says so', async () => {
    await withTempDir(async (dir) => {
      const store = safeSecretStore(join(dir, 'password'), keychain(false));
      expect(store.encrypted()).toBe(false);
      await store.write('pw');
      expect(await store.read()).toBe('pw');
    });
  });

  it('reads a password sealed elsewhere (another user, another machine) as none', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'password');
      await safeSecretStore(path, keychain(true)).write('pw');
      const broken: SafeStorageLike = { ...keychain(true), decryptString: () => { throw new Error('cannot decrypt'); } };
      expect(await safeSecretStore(path, broken).read()).toBeNull();
    });
  });
});
