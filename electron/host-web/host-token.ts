import path from 'node:path';
import { loadOrCreateSecret, type SecretResult } from './private-secret';

export const TOKEN_FILE = 'host-token';
export const SESSION_FILE = 'host-session';
/** The alert intake's token: monitoring's, never the window's. */
export const INTAKE_TOKEN_FILE = 'intake-token';

/**
 * The long-lived token for scripts, tests and integrations (`?token=` or `Authorization: Bearer`),
 * kept in the data directory, readable by this user only. `rotate` makes a new one.
 */
export function loadOrCreateToken(dataDir: string, rotate = false): Promise<SecretResult> {
  return loadOrCreateSecret(path.join(dataDir, TOKEN_FILE), rotate);
}

/**
 * What signed-in browsers carry in their cookie, kept beside the token so that open tabs
 * reconnect after the host restarts. Rotated with the token: every browser must sign in again.
 */
export function loadOrCreateSessionSecret(dataDir: string, rotate = false): Promise<SecretResult> {
  return loadOrCreateSecret(path.join(dataDir, SESSION_FILE), rotate);
}

/** The token Alertmanager and Grafana send as a bearer and PagerDuty as its routing key; 0600 like the others. */
export function loadOrCreateIntakeToken(dataDir: string, rotate = false): Promise<SecretResult> {
  return loadOrCreateSecret(path.join(dataDir, INTAKE_TOKEN_FILE), rotate);
}
