import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../fs/durable';
import { ensurePrivateDir } from '../fs/private';

/** An Alertmanager this console follows by polling its API (a laptop behind NAT gets no webhooks). */
export interface PullSource {
  /** `http(s)://host:9093`, without credentials. */
  url: string;
  auth: 'none' | 'bearer' | 'basic';
  /** For basic auth; the password (or bearer token) is kept apart, 0600. */
  username: string;
  enabled: boolean;
  intervalSeconds: number;
}

const Stored = z.strictObject({
  url: z.string().max(2_000),
  auth: z.enum(['none', 'bearer', 'basic']),
  username: z.string().max(200),
  enabled: z.boolean(),
  intervalSeconds: z.number().int().min(2).max(300),
});

export const INTAKE_DIR = 'intake';
const SOURCE_FILE = 'alertmanager-pull.json';
const SECRET_FILE = 'alertmanager-pull.secret';

export async function readPullSource(dataDir: string): Promise<PullSource | null> {
  const text = await readFile(join(dataDir, INTAKE_DIR, SOURCE_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = Stored.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writePullSource(dataDir: string, source: PullSource): Promise<void> {
  await ensurePrivateDir(join(dataDir, INTAKE_DIR));
  await writeFileDurably(join(dataDir, INTAKE_DIR, SOURCE_FILE), `${JSON.stringify(source)}\n`);
}

export async function readPullSecret(dataDir: string): Promise<string | null> {
  const text = await readFile(join(dataDir, INTAKE_DIR, SECRET_FILE), 'utf8').catch(() => null);
  return text ? text : null;
}

export async function writePullSecret(dataDir: string, secret: string | null): Promise<void> {
  await ensurePrivateDir(join(dataDir, INTAKE_DIR));
  if (secret === null) await rm(join(dataDir, INTAKE_DIR, SECRET_FILE), { force: true });
  else await writeFileDurably(join(dataDir, INTAKE_DIR, SECRET_FILE), secret);
}

/** The Authorization header for a source, or none. */
export function authorizationFor(source: PullSource, secret: string | null): string | null {
  if (source.auth === 'bearer' && secret) return `Bearer ${secret}`;
  if (source.auth === 'basic') return `Basic ${Buffer.from(`${source.username}:${secret ?? ''}`).toString('base64')}`;
  return null;
}
