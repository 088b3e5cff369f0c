import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE } from './private';

/**
 * Write-then-rename with fsync of the file and of its folder: a reader after a crash sees the
 * old file or the new one, never half of either. (The `atomically` library behind conf does
 * not fsync the folder after the rename.) The file is the owner's only.
 */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fh = await open(tmp, 'w', PRIVATE_FILE_MODE);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (error) {
    // A full disk mid-write: nothing half-written is left behind.
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await fh.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await syncDir(dirname(path));
}

/** Makes a created or renamed entry in `dir` durable. */
export async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (error) {
    // Windows cannot open a folder for fsync; its rename is already durable there.
    if (process.platform !== 'win32') throw error;
  } finally {
    await fh?.close();
  }
}
