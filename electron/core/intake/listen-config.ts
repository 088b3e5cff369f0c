import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type ListenAddress, formatListenAddress, parseListenAddress } from '../../../shared/intake/listen-address';
import { writeFileDurably } from '../fs/durable';
import { ensurePrivateDir } from '../fs/private';
import { INTAKE_DIR } from './pull-config';

const LISTEN_FILE = 'listen.json';
const Stored = z.strictObject({ address: z.string().max(300) });

export type SavedListen = { kind: 'none' } | { kind: 'address'; address: ListenAddress } | { kind: 'unreadable'; message: string };

/** The intake-only address chosen in Settings; the file is untrusted like any other. */
export async function readListenAddress(dataDir: string): Promise<SavedListen> {
  const text = await readFile(join(dataDir, INTAKE_DIR, LISTEN_FILE), 'utf8').catch(() => null);
  if (text === null) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', message: `${LISTEN_FILE} is not JSON; the intake is served on loopback only until an address is saved again.` };
  }
  const stored = Stored.safeParse(json);
  if (!stored.success) return { kind: 'unreadable', message: `${LISTEN_FILE} is not {"address": "HOST:PORT"}; the intake is served on loopback only until an address is saved again.` };
  const parsed = parseListenAddress(stored.data.address);
  return parsed.ok ? { kind: 'address', address: parsed.value } : { kind: 'unreadable', message: parsed.error.message };
}

export async function writeListenAddress(dataDir: string, address: ListenAddress | null): Promise<void> {
  const file = join(dataDir, INTAKE_DIR, LISTEN_FILE);
  if (address === null) {
    await rm(file, { force: true });
    return;
  }
  await ensurePrivateDir(join(dataDir, INTAKE_DIR));
  await writeFileDurably(file, `${JSON.stringify({ address: formatListenAddress(address) })}\n`);
}
