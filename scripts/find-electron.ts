import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The `electron` package exports its binary's path, and throws when the binary was never downloaded. */
export function findElectron(): { ok: true; path: string } | { ok: false; reason: string } {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    if (typeof binary !== 'string') return { ok: false, reason: 'the electron package did not name a binary' };
    if (!existsSync(binary)) return { ok: false, reason: `${binary} does not exist` };
    return { ok: true, path: binary };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.split('\n')[0] ?? message };
  }
}
