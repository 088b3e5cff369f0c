import { readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileDurably } from '../core/fs/durable';
import { ensurePrivateDir } from '../core/fs/private';
import type { SecretStore } from '../core/sync/sync-config';

/** The part of Electron's `safeStorage` used here, injected so that this runs in plain Node tests. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The team database password, encrypted by the OS keychain (safeStorage: Keychain, DPAPI,
 * libsecret) in a 0600 file. Where the OS offers no encryption (a Linux box with no keyring),
 * the file holds it in the clear, still readable by its owner only, as the browser host does;
 * `encrypted` says which, for the settings screen.
 */
export function safeSecretStore(path: string, safe: SafeStorageLike): SecretStore & { encrypted(): boolean } {
  const PLAIN = Buffer.from('plain:');
  const SEALED = Buffer.from('sealed:');
  return {
    encrypted: () => safe.isEncryptionAvailable(),
    async read() {
      const bytes = await readFile(path).catch(() => null);
      if (!bytes || bytes.length === 0) return null;
      if (bytes.subarray(0, SEALED.length).equals(SEALED)) {
        try {
          return safe.decryptString(bytes.subarray(SEALED.length));
        } catch {
          // Sealed by another user or machine: as if none were kept; the settings screen asks again.
          return null;
        }
      }
      if (bytes.subarray(0, PLAIN.length).equals(PLAIN)) return bytes.subarray(PLAIN.length).toString('utf8');
      return null;
    },
    async write(secret) {
      await ensurePrivateDir(dirname(path));
      if (secret === null) {
        await rm(path, { force: true });
        return;
      }
      const body = safe.isEncryptionAvailable() ? Buffer.concat([SEALED, safe.encryptString(secret)]) : Buffer.concat([PLAIN, Buffer.from(secret, 'utf8')]);
      await writeFileDurably(path, body);
    },
  };
}
