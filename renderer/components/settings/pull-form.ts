import type { IntakeSourcesView } from '../../../shared/contract/contract';
import type { FieldErrors } from './field-errors';
import type { PasswordChoice } from './sync-form';

// Following an Alertmanager by polling: what was typed, checked here for what a person gets wrong
// at 3 AM (no http://, a basic login without its user) before the engine checks it again.

export type PullAuth = 'none' | 'bearer' | 'basic';
type PullView = IntakeSourcesView['pull'];
type PullStatus = NonNullable<IntakeSourcesView['status']>;

export interface PullDraft {
  url: string;
  auth: PullAuth;
  username: string;
  /** The bearer token or basic password: write-only, like the Team sync password. */
  secret: PasswordChoice;
  enabled: boolean;
  intervalSeconds: string;
}

/** What `intake.configurePull` takes. */
export interface PullInput {
  url: string;
  auth: PullAuth;
  username: string;
  secret?: string | null;
  enabled: boolean;
  intervalSeconds: number;
}

export const PULL_URL_EXAMPLE = 'http://alertmanager:9093';
export const INTERVAL_MIN = 2;
export const INTERVAL_MAX = 300;
const SECRET_MAX = 2_000;

/** Nothing followed yet: an empty address, polled every 5 s once one is saved. */
export function pullDraftFrom(pull: PullView): PullDraft {
  if (!pull) return { url: '', auth: 'none', username: '', secret: { kind: 'keep' }, enabled: true, intervalSeconds: '5' };
  return { url: pull.url, auth: pull.auth, username: pull.username, secret: { kind: 'keep' }, enabled: pull.enabled, intervalSeconds: String(pull.intervalSeconds) };
}

export function samePullDraft(a: PullDraft, b: PullDraft): boolean {
  return JSON.stringify({ ...a, intervalSeconds: a.intervalSeconds.trim() }) === JSON.stringify({ ...b, intervalSeconds: b.intervalSeconds.trim() });
}

/** What the secret is called for each kind of sign-in. */
export function secretName(auth: PullAuth): string {
  return auth === 'basic' ? 'Password' : 'Token';
}

function checkUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return `Type the Alertmanager's address, like ${PULL_URL_EXAMPLE}.`;
  // `alertmanager:9093` would parse as a URL of scheme "alertmanager:"; say what is missing.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return `The address must start with http:// or https://, like ${PULL_URL_EXAMPLE}.`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `This is not an address; it looks like ${PULL_URL_EXAMPLE}.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The address must start with http:// or https://.';
  if (url.username || url.password) return 'Put the user name and password in their own fields, not in the address.';
  return null;
}

/** Checks the form; the input for the engine, or a message beside each field that is wrong. */
export function pullInput(draft: PullDraft, hasSecret: boolean): { input: PullInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const urlProblem = checkUrl(draft.url);
  if (urlProblem) errors.url = urlProblem;
  const interval = draft.intervalSeconds.trim();
  const seconds = Number(interval);
  if (interval === '' || !/^\d+$/.test(interval) || seconds < INTERVAL_MIN || seconds > INTERVAL_MAX) {
    errors.intervalSeconds = `A whole number of seconds from ${INTERVAL_MIN} to ${INTERVAL_MAX}.`;
  }
  const username = draft.username.trim();
  if (draft.auth === 'basic' && username === '') errors.username = 'Type the user name for basic sign-in.';
  const name = secretName(draft.auth).toLowerCase();
  if (draft.secret.kind === 'new') {
    if (draft.secret.value === '') errors.secret = `Type the new ${name}, or press Cancel.`;
    else if (draft.secret.value.length > SECRET_MAX) errors.secret = `The ${name} is longer than ${SECRET_MAX} characters.`;
  } else if (draft.auth !== 'none' && (draft.secret.kind === 'forget' || !hasSecret)) {
    errors.secret = `${draft.auth === 'basic' ? 'Basic sign-in' : 'A bearer token'} needs a ${name}: press ${hasSecret ? 'Undo' : `Set ${name}`}.`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const input: PullInput = { url: draft.url.trim(), auth: draft.auth, username: draft.auth === 'basic' ? username : '', enabled: draft.enabled, intervalSeconds: seconds };
  if (draft.secret.kind === 'new') input.secret = draft.secret.value;
  if (draft.secret.kind === 'forget') input.secret = null;
  return { input };
}

/** The sync pill's tones, so polling reads the same as team sync: calm, busy, red, or off. */
export type PullTone = 'off' | 'syncing' | 'synced' | 'error';

export function agoText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h} h ago` : `${Math.floor(h / 24)} days ago`;
}

function firingText(n: number): string {
  return n === 0 ? 'no alerts firing' : n === 1 ? '1 alert firing' : `${n} alerts firing`;
}

/**
 * How polling goes, in words: "Polling every 5 s — last good poll 03:14 (12 s ago), 3 alerts
 * firing", or "Failing: <why> — last good poll 03:02". `clock` writes a time in the operator's zone.
 */
export function pullStatusWords(
  pull: PullView,
  status: IntakeSourcesView['status'],
  now: number,
  clock: (ms: number) => string,
): { tone: PullTone; label: string; text: string } {
  if (!pull) return { tone: 'off', label: 'Not following', text: 'Not following any Alertmanager: alerts come only through the webhook intake above.' };
  const state: PullStatus['state'] = status?.state ?? (pull.enabled ? 'polling' : 'off');
  const lastGood = status?.lastGoodAt ?? null;
  if (state === 'off' || !pull.enabled) return { tone: 'off', label: 'Off', text: `Off: ${pull.url} is not polled. Turn it on and save to follow it.` };
  if (state === 'failing') {
    const since = lastGood === null ? 'no good poll yet' : `last good poll ${clock(lastGood)} (${agoText(now - lastGood)})`;
    return { tone: 'error', label: 'Failing', text: `Failing: ${(status?.lastError ?? 'the last poll did not answer').replace(/\.$/, '')} — ${since}` };
  }
  const every = `Polling every ${pull.intervalSeconds} s`;
  if (lastGood === null) return { tone: 'syncing', label: 'Polling', text: `${every} — waiting for the first answer` };
  return { tone: 'synced', label: 'Polling', text: `${every} — last good poll ${clock(lastGood)} (${agoText(now - lastGood)}), ${firingText(status?.firing ?? 0)}` };
}
