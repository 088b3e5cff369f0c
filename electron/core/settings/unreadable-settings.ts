import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SettingsNotice } from '../../../shared/domain/settings';
import { PRIVATE_FILE_MODE } from '../fs/private';

export const SETTINGS_FILE = 'settings.json';

/**
 * Before conf or electron-store open the settings file: one that is not a JSON object (cut
 * short, emptied, hand-edited) would stop the browser host, or be wiped by electron-store.
 * Both hosts instead rename it to `settings.json.bad-<time>`, untouched, start on the defaults
 * and say where it went. Synchronous, like the stores that come after it.
 */
export function keepUnreadableSettingsAside(file: string, now: number = Date.now()): SettingsNotice | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const problem = whyUnreadable(text);
  if (problem === null) return null;
  const keptAs = `${file}.bad-${now}`;
  renameSync(file, keptAs);
  if (process.platform !== 'win32') chmodSync(keptAs, PRIVATE_FILE_MODE);
  syncDirSync(dirname(file));
  return {
    keptAs,
    message: `The settings file could not be read (${problem}). Command Post started with the default settings and kept the file as ${keptAs}.`,
  };
}

function whyUnreadable(text: string): string | null {
  if (text.trim() === '') return 'it is empty';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `it is not valid JSON: ${(error as Error).message}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'it is not a JSON object';
  return null;
}

function syncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
