import type { EventDraft, NewEvent } from '../../../shared/domain/events';
import type { IncidentState } from '../../../shared/domain/incident';
import type { NormalAlert, NormalNotification } from '../../../shared/intake/alert';
import { alertIdentity, alertNewsDigest, type AlertRoute, mapSeverity, routeAlert } from '../../../shared/intake/triage';
import { commitEvents, type HandlerContext } from '../handlers/context';
import { newEventId, newIncidentId } from '../ids';

export interface IngestAnswer {
  /** The incidents the notification went to (a new detection, or the ones its groups belong to). */
  incidentIds: string[];
  /** Detections made by this notification. */
  created: string[];
  /** Alerts logged; a notification repeated (delivery is at least once) logs none. */
  logged: number;
  /** Alerts that changed nothing: already known as they are, or resolved with no incident to tell. */
  unchanged: number;
}

const ENGINE_ACTOR = 'Command Post';
/** One intake at a time per engine: two deliveries of one group never both make a detection. */
const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Takes in a notification that `shared/intake` has parsed: each group's alerts go to the open
 * incident that group belongs to, or — when one of them fires and no incident has the group —
 * to a new *detected* incident for the on-call to declare or dismiss. Resolves once everything
 * is durable, so the caller answers 2xx only then.
 */
export function ingest(ctx: HandlerContext, notification: NormalNotification): Promise<IngestAnswer> {
  return inIntakeOrder(ctx, () => ingestNow(ctx, notification));
}

/** Runs `work` after every intake (and attach) before it: alert groups change hands one at a time. */
export function inIntakeOrder<T>(ctx: HandlerContext, work: () => Promise<T>): Promise<T> {
  const key = ctx.registry;
  const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
  queues.set(
    key,
    run.catch(() => undefined),
  );
  return run;
}

async function ingestNow(ctx: HandlerContext, notification: NormalNotification): Promise<IngestAnswer> {
  const answer: IngestAnswer = { incidentIds: [], created: [], logged: 0, unchanged: 0 };
  const groups = new Map<string, NormalAlert[]>();
  for (const alert of notification.alerts) {
    const group = `${alert.source}:${alert.groupKey}`;
    groups.set(group, [...(groups.get(group) ?? []), alert]);
  }
  for (const [group, alerts] of groups) {
    const held = openIncidentOf(ctx, group) ?? openIncidentHolding(ctx, alerts);
    if (held) {
      const fresh = alerts.filter((a) => isNews(held, a));
      answer.unchanged += alerts.length - fresh.length;
      if (!answer.incidentIds.includes(held.id)) answer.incidentIds.push(held.id);
      if (fresh.length === 0) continue;
      const log = await ctx.registry.get(held.id);
      await commitEvents(ctx, log, held.id, fresh.map(alertDraft), ENGINE_ACTOR);
      answer.logged += fresh.length;
      continue;
    }
    // A routing rule may send a new group to an open incident that already has an alert like it.
    const routed = routeTarget(ctx, alerts);
    if (routed) {
      const log = await ctx.registry.get(routed.id);
      const fresh = alerts.filter((a) => isNews(routed, a));
      if (fresh.length > 0) await commitEvents(ctx, log, routed.id, fresh.map(alertDraft), ENGINE_ACTOR);
      if (!answer.incidentIds.includes(routed.id)) answer.incidentIds.push(routed.id);
      answer.logged += fresh.length;
      answer.unchanged += alerts.length - fresh.length;
      continue;
    }
    const firing = alerts.filter((a) => a.status === 'firing');
    if (firing.length === 0) {
      // Resolved (or acknowledged) with nothing to tell: no incident is made for it.
      answer.unchanged += alerts.length;
      continue;
    }
    const id = await detect(ctx, firing, alerts);
    answer.created.push(id);
    answer.incidentIds.push(id);
    answer.logged += alerts.length;
  }
  return answer;
}

/** The open incident (not closed) that this alert group already belongs to, newest first. Never a drill: live alerts stay live. */
function openIncidentOf(ctx: HandlerContext, group: string): IncidentState | null {
  let found: IncidentState | null = null;
  for (const log of ctx.registry.opened()) {
    const state = log.state;
    if (!state || state.drill || state.status === 'closed' || !state.alertGroups.includes(group)) continue;
    if (!found || (state.timestamps.detectedAt ?? 0) > (found.timestamps.detectedAt ?? 0)) found = state;
  }
  return found;
}

/**
 * The open declared incident a routing rule sends these alerts to: for each rule (`service=checkout`)
 * the incidents already holding an alert that matches it, the most specific rule winning.
 */
function routeTarget(ctx: HandlerContext, alerts: NormalAlert[]): IncidentState | null {
  const rules = ctx.settings.read().alertRoutes;
  if (rules.length === 0) return null;
  const open = ctx.registry
    .opened()
    .map((log) => log.state)
    .filter((s): s is IncidentState => s !== null && !s.drill && s.status !== 'closed' && s.status !== 'detected')
    .sort((a, b) => (b.timestamps.declaredAt ?? 0) - (a.timestamps.declaredAt ?? 0));
  const routes: AlertRoute[] = [];
  for (const rule of rules) {
    for (const state of open) {
      if (state.alerts.some((a) => routeAlert(a.alert, [{ incidentId: state.id, match: rule.match }]) !== null)) routes.push({ incidentId: state.id, match: rule.match });
    }
  }
  for (const alert of alerts) {
    const id = routeAlert(alert, routes);
    if (id) return open.find((s) => s.id === id) ?? null;
  }
  return null;
}

/**
 * The open incident already holding one of these alerts under another group: one Alertmanager
 * followed both by webhook and by pull names its alerts alike, and they are one incident's.
 */
function openIncidentHolding(ctx: HandlerContext, alerts: NormalAlert[]): IncidentState | null {
  const keys = new Set(alerts.map(alertIdentity));
  for (const log of ctx.registry.opened()) {
    const state = log.state;
    if (state && !state.drill && state.status !== 'closed' && state.alerts.some((a) => keys.has(a.key))) return state;
  }
  return null;
}

/** Whether this alert says something the incident has not heard in exactly these words. */
function isNews(state: IncidentState, alert: NormalAlert): boolean {
  const held = state.alerts.find((a) => a.key === alertIdentity(alert));
  return !held || held.digest !== alertNewsDigest(alert);
}

/** A drill's scripted alerts for its own incident: the same dedup as any delivery. */
export function drillAlertDrafts(state: IncidentState, alerts: NormalAlert[]): EventDraft[] {
  return alerts.filter((a) => isNews(state, a)).map(alertDraft);
}

function alertDraft(alert: NormalAlert): EventDraft {
  return { type: 'alert.received', payload: { alert } };
}

/** A detected incident for the first firing alerts of a group, with every alert of it logged. */
async function detect(ctx: HandlerContext, firing: NormalAlert[], alerts: NormalAlert[]): Promise<string> {
  const now = ctx.now();
  const first = firing[0]!;
  const starts = firing.map((a) => a.startsAt).filter((t): t is number => t !== null && t <= now);
  const rules = ctx.settings.read().alertSeverityRules;
  const severity = firing.map((a) => mapSeverity(a, rules)).sort()[0]!;
  const title = `${first.name}${first.service ? ` — ${first.service}` : ''}`.slice(0, 200);
  const summary = [first.summary, first.description].filter(Boolean).join('\n\n').slice(0, 5_000);
  let incidentId = newIncidentId(now);
  while (ctx.registry.has(incidentId)) incidentId = newIncidentId(now);
  const log = await ctx.registry.create(incidentId);
  const drafts: EventDraft[] = [
    {
      type: 'incident.detected',
      payload: {
        title,
        severity,
        detectionSource: 'alert',
        summary,
        impactStartedAt: starts.length > 0 ? Math.min(...starts) : null,
        detectedAt: now,
      },
    },
    ...alerts.map(alertDraft),
  ];
  try {
    await log.commit(drafts.map((d) => ({ ...d, id: newEventId(), incidentId, at: now, actor: ENGINE_ACTOR }) as NewEvent));
  } catch (error) {
    ctx.registry.discard(incidentId);
    throw error;
  }
  if (ctx.sync.on) await ctx.sync.share(incidentId).catch(() => undefined);
  return incidentId;
}
