import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_ID_PATTERN } from '../../shared/domain/hlc';
import { writeFileDurably } from './fs/durable';

export const CONSOLE_ID_FILE = 'console-id';

/**
 * This console's id: the node of its clock stamps, and how teammates see which machine made a
 * change ("ic-laptop-7f3a"). Made once per data folder from the host name and random letters,
 * kept in `<dataDir>/console-id`. Two data folders on one machine are two consoles.
 */
export async function loadConsoleId(dataDir: string): Promise<string> {
  const path = join(dataDir, CONSOLE_ID_FILE);
  const held = (await readFile(path, 'utf8').catch(() => '')).trim();
  if (CONSOLE_ID_PATTERN.test(held)) return held;
  const id = makeConsoleId(hostname());
  await writeFileDurably(path, Buffer.from(`${id}\n`));
  return id;
}

export function makeConsoleId(host: string): string {
  const slug = host
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  const suffix = randomBytes(3).toString('hex');
  return slug ? `${slug}-${suffix}` : `console-${suffix}`;
}
