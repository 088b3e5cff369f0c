import type { SyncSettingsView } from '../../../shared/contract/contract';
import type { FieldErrors } from './field-errors';

// The Team sync form: what was typed, checked here for what a person gets wrong at 3 AM (a
// missing user, a team id in capitals) before the engine checks it again.

/** The saved password stays, a new one replaces it, or it is forgotten. Never shown either way. */
export type PasswordChoice = { kind: 'keep' } | { kind: 'new'; value: string } | { kind: 'forget' };

export interface SyncDraft {
  url: string;
  team: string;
  enabled: boolean;
  password: PasswordChoice;
}

/** What `sync.configure` takes; `sync.test` takes the same without `enabled`. */
export interface SyncInput {
  url: string;
  team: string;
  password?: string | null;
  enabled: boolean;
}

/** The engine's rule for a team id (electron/core/sync/sync-config.ts). */
const TEAM_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const PASSWORD_MAX = 1_000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export const URL_EXAMPLE = 'postgres://user@host:5432/command_post?sslmode=verify-full';

export function syncDraftFrom(view: SyncSettingsView): SyncDraft {
  return { url: view.url, team: view.team, enabled: view.enabled, password: { kind: 'keep' } };
}

export function sameSyncDraft(a: SyncDraft, b: SyncDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type ParsedConnection = { ok: true; url: URL } | { ok: false; message: string };

function parseConnection(text: string): ParsedConnection {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `Type the team database's connection URL, like ${URL_EXAMPLE}.` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: `This is not a URL; it looks like ${URL_EXAMPLE}.` };
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return { ok: false, message: 'The URL must start with postgres://.' };
  if (!url.hostname) return { ok: false, message: 'The URL names no host: postgres://user@HOST:5432/command_post.' };
  if (!url.username) return { ok: false, message: 'The URL names no user: each person signs in with their own login, postgres://USER@host….' };
  return { ok: true, url };
}

/** Checks the form; the input for the engine, or a message beside each field that is wrong. */
export function syncInput(draft: SyncDraft): { input: SyncInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsed = parseConnection(draft.url);
  if (!parsed.ok) errors.url = parsed.message;
  const team = draft.team.trim();
  const teamInUrl = parsed.ok ? parsed.url.searchParams.get('team') : null;
  if (team === '' && !teamInUrl) errors.team = 'Type the team id, e.g. payments-oncall.';
  else if (team !== '' && !TEAM_ID.test(team)) errors.team = 'A team id is lower-case letters, digits, - and _ (at most 40), starting with a letter or digit.';
  if (draft.password.kind === 'new') {
    if (draft.password.value === '') errors.password = 'Type the new password, or press Cancel.';
    else if (draft.password.value.length > PASSWORD_MAX) errors.password = `The password is longer than ${PASSWORD_MAX} characters.`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const input: SyncInput = { url: draft.url.trim(), team, enabled: draft.enabled };
  if (draft.password.kind === 'new') input.password = draft.password.value;
  if (draft.password.kind === 'forget') input.password = null;
  return { input };
}

/** Advice that does not stop a save: a connection that is not checked, a password typed in the URL. */
export function connectionAdvice(text: string): string[] {
  const parsed = parseConnection(text);
  if (!parsed.ok) return [];
  const advice: string[] = [];
  const sslmode = parsed.url.searchParams.get('sslmode');
  if (sslmode !== 'verify-full' && !LOOPBACK.has(parsed.url.hostname)) {
    advice.push(
      `Without sslmode=verify-full the server's certificate is not checked${sslmode ? ` (sslmode=${sslmode})` : ''}: someone on the network could pose as the database and read incidents and the password.`,
    );
  }
  if (parsed.url.password) advice.push('The password typed in the URL is taken out on save and kept apart, like the password field; the URL is saved without it.');
  return advice;
}
