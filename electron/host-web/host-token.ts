import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILE = 'host-token';

/**
 * The access token lives beside the data, readable by this user only, so that open tabs
 * reconnect after the host restarts. `rotate` makes a new one (every old link stops working).
 */
export async function loadOrCreateToken(dataDir: string, rotate = false): Promise<string> {
  const file = path.join(dataDir, FILE);
  if (!rotate) {
    const saved = await readFile(file, 'utf8').then(
      (text) => text.trim(),
      () => '',
    );
    if (/^[0-9a-f]{64}$/.test(saved)) return saved;
  }
  const token = randomBytes(32).toString('hex');
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return token;
}
