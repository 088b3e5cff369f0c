import path from 'node:path';
import { loadOrCreateSecret, type SecretResult } from './private-secret';

export const TOKEN_FILE = 'host-token';

/**
 * The long-lived token for scripts, tests and integrations (`?token=` or `Authorization: Bearer`),
 * kept in the data directory, readable by this user only. `rotate` makes a new one.
 */
export function loadOrCreateToken(dataDir: string, rotate = false): Promise<SecretResult> {
  return loadOrCreateSecret(path.join(dataDir, TOKEN_FILE), rotate);
}
