import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../fs/durable';
import { ensurePrivateDir } from '../fs/private';
import { SYNC_DIR } from './sync-state';

/** Where the password of the team database is kept: safeStorage in Electron, a 0600 file elsewhere. */
export interface SecretStore {
  read(): Promise<string | null>;
  write(secret: string | null): Promise<void>;
}

/** The saved connection: the URL without its password, the team, and whether sync is on. */
export interface SyncConfig {
  url: string;
  team: string;
  enabled: boolean;
}

const StoredConfig = z.strictObject({ url: z.string().max(2_000), team: z.string().max(40), enabled: z.boolean() });
const CONFIG_FILE = 'connection.json';
const PASSWORD_FILE = 'password';

export const TEAM_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export type ParsedUrl = { ok: true; url: string; password: string | null; target: string; team: string | null } | { ok: false; message: string };

/**
 * A `postgres://user:password@host:port/db?sslmode=…&team=…` URL, split into what may be shown
 * and kept in settings (no password), the password, and a `team` parameter if present (which is
 * ours, not PostgreSQL's, and is taken off before the URL reaches the driver).
 */
export function parseSyncUrl(text: string): ParsedUrl {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, message: 'The connection is not a URL; it looks like postgres://user@host:5432/command_post.' };
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return { ok: false, message: `The connection must be a postgres:// URL, not ${url.protocol}//.` };
  }
  if (!url.hostname) return { ok: false, message: 'The connection URL names no host.' };
  if (!url.username) return { ok: false, message: 'The connection URL names no user: each person has their own login.' };
  const password = url.password ? decodeURIComponent(url.password) : null;
  const team = url.searchParams.get('team');
  url.password = '';
  url.searchParams.delete('team');
  const user = decodeURIComponent(url.username);
  const db = url.pathname.replace(/^\//, '') || user;
  return { ok: true, url: url.toString(), password, target: `${user}@${url.hostname}:${url.port || '5432'}/${db}`, team };
}

export function urlWithPassword(url: string, password: string | null): string {
  if (!password) return url;
  const u = new URL(url);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export async function readSyncConfig(dataDir: string): Promise<SyncConfig | null> {
  const text = await readFile(join(dataDir, SYNC_DIR, CONFIG_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = StoredConfig.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeSyncConfig(dataDir: string, config: SyncConfig): Promise<void> {
  await ensurePrivateDir(join(dataDir, SYNC_DIR));
  await writeFileDurably(join(dataDir, SYNC_DIR, CONFIG_FILE), `${JSON.stringify(config)}\n`);
}

/** The browser host's secret store: one 0600 file in the data folder's private `sync` folder. */
export function fileSecretStore(dataDir: string): SecretStore {
  const path = join(dataDir, SYNC_DIR, PASSWORD_FILE);
  return {
    async read() {
      const text = await readFile(path, 'utf8').catch(() => null);
      return text === null || text === '' ? null : text;
    },
    async write(secret) {
      await ensurePrivateDir(join(dataDir, SYNC_DIR));
      if (secret === null) await rm(path, { force: true });
      else await writeFileDurably(path, secret);
    },
  };
}
