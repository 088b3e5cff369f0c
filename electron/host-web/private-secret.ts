import { randomBytes } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { writeFileDurably } from '../core/fs/durable';

export type SecretError = { code: 'UNSAFE_PERMISSIONS'; message: string };
export type SecretResult = { ok: true; value: string } | { ok: false; error: SecretError };

const SECRET = /^[0-9a-f]{64}$/;

/**
 * A secret kept in `file` across restarts (32 random bytes, hex), made when missing or
 * unreadable, or when `rotate` asks for a new one. A file that another user owns or can read,
 * or a link, is refused rather than trusted: someone could have planted it or read it.
 */
export async function loadOrCreateSecret(file: string, rotate: boolean): Promise<SecretResult> {
  if (!rotate) {
    const unsafe = await unsafeBecause(file);
    if (unsafe) {
      const message = `${file} ${unsafe}. Remove it, or start with --new-token to replace it with a new private one.`;
      return { ok: false, error: { code: 'UNSAFE_PERMISSIONS', message } };
    }
    const saved = await readFile(file, 'utf8').then(
      (text) => text.trim(),
      () => '',
    );
    if (SECRET.test(saved)) return { ok: true, value: saved };
  }
  const secret = randomBytes(32).toString('hex');
  // Written beside and renamed over: a planted file or link is replaced, never written through.
  await writeFileDurably(file, `${secret}\n`);
  return { ok: true, value: secret };
}

/** Why the file may not be trusted, or null when it is ours alone (or absent). */
async function unsafeBecause(file: string): Promise<string | null> {
  if (process.platform === 'win32') return null;
  const info = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info === null) return null;
  if (info.isSymbolicLink()) return 'is a link, not a file of its own';
  if (!info.isFile()) return 'is not a regular file';
  const me = process.getuid?.();
  if (me !== undefined && info.uid !== me) return `is owned by user ${info.uid}, not by this user (${me})`;
  const mode = info.mode & 0o777;
  const octal = mode.toString(8).padStart(4, '0');
  if (mode & 0o044) return `is readable by other users (mode ${octal}; it must be 0600)`;
  if (mode & 0o077) return `is open to other users (mode ${octal}; it must be 0600)`;
  return null;
}
