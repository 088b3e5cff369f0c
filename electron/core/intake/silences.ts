import { CommandFailure } from '../../../shared/contract/result';
import type { IncidentState } from '../../../shared/domain/incident';
import { INSTANCE_LABELS } from '../../../shared/intake/alertmanager-pull';
import { authorizationFor, type PullSource } from './pull-config';

const TIMEOUT_MS = 5_000;

export interface Matcher {
  name: string;
  value: string;
}

/**
 * What to silence for an incident: per Alertmanager alert group it holds, the labels every alert
 * of the group shares, without the ones that tell copies apart (instance, pod…). Never an empty
 * matcher list: that would silence everything.
 */
export function silenceMatchers(state: IncidentState): Matcher[][] {
  const groups = new Map<string, Array<Record<string, string>>>();
  for (const record of state.alerts) {
    if (record.alert.source !== 'alertmanager' && record.alert.source !== 'alertmanager-pull') continue;
    groups.set(record.group, [...(groups.get(record.group) ?? []), record.alert.labels]);
  }
  const out: Matcher[][] = [];
  for (const labelSets of groups.values()) {
    const first = labelSets[0]!;
    const shared = Object.keys(first)
      .filter((name) => !INSTANCE_LABELS.has(name) && !name.startsWith('__') && labelSets.every((l) => l[name] === first[name]))
      .sort()
      .map((name) => ({ name, value: first[name]! }));
    if (shared.length > 0) out.push(shared);
  }
  return out;
}

async function call(source: PullSource, secret: string | null, path: string, init: RequestInit): Promise<Response> {
  const auth = authorizationFor(source, secret);
  try {
    return await fetch(`${source.url}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(auth ? { Authorization: auth } : {}) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch {
    throw new CommandFailure('UNAVAILABLE', `The Alertmanager at ${source.url} cannot be reached; nothing was silenced.`);
  }
}

/** Creates one silence (`POST /api/v2/silences`) and answers its id. */
export async function createSilence(source: PullSource, secret: string | null, matchers: Matcher[], until: number, now: number, comment: string, by: string): Promise<string> {
  const response = await call(source, secret, '/api/v2/silences', {
    method: 'POST',
    body: JSON.stringify({
      matchers: matchers.map((m) => ({ name: m.name, value: m.value, isRegex: false, isEqual: true })),
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(until).toISOString(),
      createdBy: by,
      comment,
    }),
  });
  if (!response.ok) throw new CommandFailure('UNAVAILABLE', `The Alertmanager at ${source.url} refused the silence (${response.status}); nothing was silenced.`);
  const body = (await response.json().catch(() => null)) as { silenceID?: unknown } | null;
  if (!body || typeof body.silenceID !== 'string' || body.silenceID.length > 200) throw new CommandFailure('UNAVAILABLE', `The Alertmanager at ${source.url} answered without a silence id.`);
  return body.silenceID;
}

/** Ends a silence early (`DELETE /api/v2/silence/{id}`); one already gone counts as ended. */
export async function expireSilence(source: PullSource, secret: string | null, id: string): Promise<void> {
  const response = await call(source, secret, `/api/v2/silence/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (!response.ok && response.status !== 404) throw new CommandFailure('UNAVAILABLE', `The Alertmanager at ${source.url} did not end the silence (${response.status}).`);
}
