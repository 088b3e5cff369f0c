import type { IncidentEvent } from './events';
import type { IncidentState } from './incident';
import { alertIdentity, alertNewsDigest, allResolved, carryForward, describeAlertChange } from '../intake/triage';
import { formatUtc, pushEntry, systemEntry } from './reduce-helpers';

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

/**
 * A notification about one alert: kept as the alert's latest, logged as an `alert` line when
 * something changed (firing, resolved, firing again), and, when it was the last of its group to
 * resolve, a line that asks — never decides — whether the incident is mitigated.
 */
export function receive(state: IncidentState, event: Of<'alert.received'>): void {
  const sent = event.payload.alert;
  const key = alertIdentity(sent);
  const group = `${sent.source}:${sent.groupKey}`;
  const i = state.alerts.findIndex((a) => a.key === key);
  const previous = i >= 0 ? state.alerts[i]!.alert : null;
  const alert = carryForward(previous, sent);
  const record = { key, group, alert, digest: alertNewsDigest(sent) };
  if (i >= 0) state.alerts = state.alerts.map((a, k) => (k === i ? record : a));
  else state.alerts = [...state.alerts, record];
  if (!state.alertGroups.includes(group)) state.alertGroups = [...state.alertGroups, group];
  const line = describeAlertChange(previous, alert);
  if (!line) return;
  const at = alert.status === 'resolved' ? (alert.endsAt ?? event.at) : event.at;
  pushEntry(state, { ...systemEntry(event, line, at), id: `${event.id}:alert`, kind: 'alert' });
  const ofGroup = new Map(state.alerts.filter((a) => a.group === group).map((a) => [a.key, a.alert]));
  if (alert.status === 'resolved' && previous?.status !== 'resolved' && allResolved(ofGroup)) {
    const resolvedAt = alert.endsAt ?? event.at;
    pushEntry(state, systemEntry(event, `All alerts of ${alert.name} resolved at ${formatUtc(resolvedAt)} — mitigated?`, resolvedAt));
  }
}

export function silence(state: IncidentState, event: Of<'alert.silenced'>): void {
  const p = event.payload;
  if (state.silences.some((s) => s.id === p.silenceId)) return;
  state.silences = [...state.silences, { id: p.silenceId, matchers: p.matchers, endsAt: p.endsAt, alertmanager: p.alertmanager, endedAt: null }];
  const what = p.matchers.map((m) => `${m.name}=${m.value}`).join(', ');
  pushEntry(state, systemEntry(event, `Silenced in Alertmanager until ${formatUtc(p.endsAt)}: ${what} — pagers stay quiet while the team works`));
}

export function endSilence(state: IncidentState, event: Of<'alert.silenceEnded'>): void {
  const i = state.silences.findIndex((s) => s.id === event.payload.silenceId && s.endedAt === null);
  if (i < 0) return;
  state.silences = state.silences.map((s, k) => (k === i ? { ...s, endedAt: event.at } : s));
  pushEntry(state, systemEntry(event, `Alertmanager silence ended: ${event.payload.reason}`));
}
