import { chmod, mkdir, stat } from 'node:fs/promises';

/** Files and folders of the data directory are for their owner only: incidents are not for other local users. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Creates `dir` (and any missing parents) readable by this user only, and closes one that an
 * older version left open to others. A folder that is not ours, or a shared one with the sticky
 * bit (`/tmp`), is left as it is: what we create inside it is private anyway.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform === 'win32') return;
  const { mode, uid } = await stat(dir);
  const ours = uid === process.getuid?.();
  const sticky = (mode & 0o1000) !== 0;
  if (ours && !sticky && (mode & 0o077) !== 0) await chmod(dir, PRIVATE_DIR_MODE);
}
