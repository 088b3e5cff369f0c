import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IncidentView } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/result';
import type { DetectionSource, EntryKind, FactorTag, RoleKey, Severity } from '../../shared/domain/incident';
import { dayOf } from '../../shared/domain/review/schedule';
import { alertmanagerAlert, alertmanagerPayload } from '../support/alert-payloads';
import { connectEngine, type EngineClient, unwrap } from './engine-client';
import type { Host } from './fixtures';
import { SEV1_SUMMARY, SEV1_TIMELINE } from './sev1-scenario';

// Seeds for the review specs (post-mortem, metrics, list): incidents made through the engine's own
// commands, at the times they would have happened. The host runs on a clock the test moves
// (tests/e2e/review-clock.mjs), always behind the real one, so weeks of incidents take seconds.

const CLOCK_MODULE = pathToFileURL(fileURLToPath(new URL('./review-clock.mjs', import.meta.url))).href;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface MovableClock {
  engine: EngineClient;
  /** The page URL of the restarted host. */
  url: string;
  /** Sets the host's wall clock to `at` (never later than the real now). */
  set(at: number): Promise<void>;
  /** Back to the real time. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Restarts the host on a clock the test moves; the engine client is connected to it. */
export async function movableClock(host: Host): Promise<MovableClock> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'command-post-clock-'));
  const file = path.join(dir, 'offset');
  await writeFile(file, '0');
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, FILE: process.env.COMMAND_POST_E2E_CLOCK_FILE };
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --import ${CLOCK_MODULE}`.trim();
  process.env.COMMAND_POST_E2E_CLOCK_FILE = file;
  let url: string;
  try {
    url = await host.restart();
  } finally {
    if (saved.NODE_OPTIONS === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved.NODE_OPTIONS;
    if (saved.FILE === undefined) delete process.env.COMMAND_POST_E2E_CLOCK_FILE;
    else process.env.COMMAND_POST_E2E_CLOCK_FILE = saved.FILE;
  }
  const engine = await connectEngine(host);
  return {
    engine,
    url,
    async set(at) {
      const offset = Math.min(0, Math.round(at - Date.now()));
      await writeFile(file, String(offset));
    },
    async reset() {
      await writeFile(file, '0');
    },
    async close() {
      await writeFile(file, '0');
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A small seeded random source, so every run draws the same incidents. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    weighted: <T>(choices: Array<[T, number]>): T => {
      let r = next() * choices.reduce((s, [, w]) => s + w, 0);
      for (const [value, w] of choices) if ((r -= w) < 0) return value;
      return choices.at(-1)![0];
    },
    chance: (p: number) => next() < p,
  };
}

type Step = { at: number; run: () => Promise<unknown> };

/** Runs steps in time order on the moving clock, at least a second apart so no journal goes backwards. */
async function runInTimeOrder(clock: MovableClock, steps: Step[], latest: number): Promise<void> {
  steps.sort((a, b) => a.at - b.at);
  let last = 0;
  for (const step of steps) {
    const at = Math.min(Math.max(step.at, last + 1_200), latest);
    last = at;
    await clock.set(at);
    await step.run();
  }
}

const ok = async <T>(p: Promise<Result<T>>) => unwrap(await p);

// ---- one rich SEV1, written up -----------------------------------------------------------

export const RICH_TITLE = 'Checkout API returning 502s for EU customers';

const ATTRIBUTION: Partial<Record<EntryKind, RoleKey>> = {
  decision: 'incident-commander',
  finding: 'technical-lead',
  hypothesis: 'technical-lead',
  comms: 'communications-lead',
};

/** The EU checkout SEV1 of the war-room screens, resolved `resolvedAgo` ago and written up in full. */
export async function seedRichIncident(clock: MovableClock, resolvedAgo = 26 * HOUR, writeUp = true): Promise<IncidentView> {
  const { engine } = clock;
  const now = Date.now();
  const declaredAt = Math.round(now - resolvedAgo - 48 * MINUTE);
  await ok(engine.call('settings.update', { operatorName: 'Lee Park' }));
  await clock.set(declaredAt);
  const incident = await ok(
    engine.call('incident.declare', {
      title: RICH_TITLE,
      severity: 'SEV1',
      detectionSource: 'alert',
      summary: SEV1_SUMMARY,
      impactStartedAt: declaredAt - 6 * MINUTE,
      detectedAt: declaredAt - 3 * MINUTE,
    }),
  );
  const id = incident.id;
  const at = (minutes: number) => declaredAt + minutes * MINUTE;
  const steps: Step[] = [
    { at: at(0.1), run: () => engine.call('incident.update', { incidentId: id, tags: ['checkout-api', 'payments', 'eu-west-1'] }) },
    { at: at(0.2), run: () => engine.call('role.assign', { incidentId: id, role: 'incident-commander', name: 'Dana Reyes', contact: '@dana' }) },
    { at: at(0.25), run: () => engine.call('role.assign', { incidentId: id, role: 'scribe', name: 'Lee Park', contact: '@lee' }) },
    { at: at(0.3), run: () => engine.call('escalation.acknowledge', { incidentId: id, by: 'Dana Reyes' }) },
    { at: at(0.9), run: () => engine.call('role.assign', { incidentId: id, role: 'technical-lead', name: 'Sam Okafor', contact: '@sam' }) },
    { at: at(1.3), run: () => engine.call('role.assign', { incidentId: id, role: 'communications-lead', name: 'Priya Nair', contact: '@priya' }) },
    { at: at(3.5), run: () => engine.call('update.send', { incidentId: id, draftId: 'rich-int-1', kind: 'internal', body: 'SEV1: EU checkout failing, rollback being evaluated.', channel: 'Slack #inc' }) },
    { at: at(13.2), run: () => engine.call('update.send', { incidentId: id, draftId: 'rich-int-2', kind: 'internal', body: 'Rollback done in eu-west-1, errors falling.', channel: 'Slack #inc' }) },
    { at: at(12), run: () => engine.call('incident.setStatus', { incidentId: id, status: 'identified', reason: 'Pool change in 2026.11.22-3' }) },
    { at: at(16.2), run: () => engine.call('incident.setStatus', { incidentId: id, status: 'mitigated', reason: 'eu-west-1 rolled back' }) },
    { at: at(31.5), run: () => engine.call('update.send', { incidentId: id, draftId: 'rich-int-3', kind: 'internal', body: 'Mitigated; reconciling failed orders.', channel: 'Slack #inc' }) },
    { at: at(46), run: () => engine.call('incident.setStatus', { incidentId: id, status: 'resolved', reason: 'Both regions rolled back; orders reconciled' }) },
  ];
  for (const [minutes, kind, text] of SEV1_TIMELINE) {
    steps.push({ at: at(minutes), run: () => engine.call('timeline.log', { incidentId: id, kind, text, attribution: ATTRIBUTION[kind] ?? null }) });
  }
  await runInTimeOrder(clock, steps, now - 2 * MINUTE);
  if (writeUp) {
    await clock.set(Math.min(now - 2 * MINUTE, at(46) + 20 * HOUR));
    await writeUpRichIncident(engine, id);
  }
  await clock.reset();
  return unwrap(await engine.call('incident.get', { incidentId: id }));
}

async function writeUpRichIncident(engine: EngineClient, id: string): Promise<void> {
  const state = unwrap(await engine.call('incident.get', { incidentId: id }));
  await ok(
    engine.call('postmortem.update', {
      incidentId: id,
      summary:
        'For 46 minutes, EU customers could not complete checkout: checkout-api answered 502 to 38% of requests in eu-west-1. ' +
        'Deploy 2026.11.22-3 lowered the per-pod connection pool of the payments client; at EU traffic on half the pods, the pool ran dry. ' +
        'Rolling back eu-west-1 mitigated it in 16 minutes; us-east-1 was rolled back as a precaution.',
      impactUsers: '≈ 31% of EU checkout attempts; 1,284 failed orders, 94 merchants needed outreach',
      impactServices: 'checkout-api (eu-west-1), payments client',
      slaBreach: 'Checkout availability SLO 99.9%/30 d breached; 62% of the monthly error budget spent',
      rootCause:
        'The payments client connection pool was made per-pod and capped at 20 in 2026.11.22-3. eu-west-1 runs half the pods of us-east-1, ' +
        'so at EU peak every pod exhausted its pool and requests waited out the 5 s timeout.',
      rootCauseCategory: 'code-change',
      fiveWhys: [
        'Checkout failed because checkout-api could not get a connection to the payments provider within 5 s.',
        'The connection pool was exhausted because each pod was capped at 20 connections.',
        'The cap was introduced in 2026.11.22-3 to protect the provider from connection storms.',
        'The change was load-tested with us-east-1 pod counts only.',
        'Load tests have no per-region profile, so regional capacity differences are invisible before production.',
      ],
      factors: [
        { tag: 'code-change', text: 'Pool cap changed in the same release as unrelated features' },
        { tag: 'capacity', text: 'eu-west-1 runs half the pods of us-east-1 with the same per-pod limits' },
        { tag: 'detection', text: 'Pool-exhaustion log line had no alert; the 5xx alert fired 3 minutes in' },
        { tag: 'process', text: 'No canary region for checkout-api deploys' },
      ],
      wentWell:
        'Alert fired within 3 minutes; IC took the rollback decision 5 minutes after declaring. Roles were filled within 2 minutes and the scribe kept the timeline live.',
      couldImprove:
        'Nobody owned the retry queue during the mitigation. The first external status update went out later than the 5-minute target. The failed-orders query took 20 minutes to write from scratch.',
      reviewAt: (state.timestamps.resolvedAt ?? Date.now()) + 2 * DAY,
    }),
  );
  const entries = state.timeline;
  const find = (text: string) => entries.find((e) => e.text.startsWith(text))!.id;
  await ok(engine.call('postmortem.update', { incidentId: id, timelineEdit: { entryId: find('Logs: "pool exhausted'), included: true, annotation: 'First hard evidence; 4 minutes after declaring' } }));
  await ok(engine.call('postmortem.update', { incidentId: id, timelineEdit: { entryId: find('Roll back 2026.11.22-3'), included: true, annotation: 'Rollback chosen over a forward fix: lower risk' } }));
  await ok(engine.call('postmortem.update', { incidentId: id, timelineEdit: { entryId: find('Grafana: checkout-api 5xx'), included: true, annotation: '' } }));
  await ok(engine.call('postmortem.update', { incidentId: id, timelineEdit: { entryId: find('Staging reproduces'), included: true, annotation: 'Confirms the per-region capacity theory' } }));
  const due = (days: number) => dayOf(Date.now() + days * DAY);
  const actions: Array<[string, string, string, 'P1' | 'P2' | 'P3', string]> = [
    ['Alert on payments client pool exhaustion', 'SRE — payments', due(-2), 'P1', 'https://tracker.example.com/SRE-2231'],
    ['Per-region load profiles in the checkout load test', 'Checkout team', due(12), 'P1', 'https://tracker.example.com/CHK-918'],
    ['Canary region for checkout-api deploys', 'Platform', due(30), 'P2', 'https://tracker.example.com/PLAT-4410'],
    ['Saved query for failed orders in an impact window', 'Data', due(7), 'P3', ''],
    ['Runbook: owner for the retry queue during mitigation', 'Incident management', due(5), 'P2', 'https://wiki.example.com/runbooks/retry-queue'],
  ];
  for (const [title, owner, dueDate, priority, link] of actions) {
    await ok(engine.call('action.add', { incidentId: id, title, owner, dueDate, priority, link }));
  }
  const after = unwrap(await engine.call('incident.get', { incidentId: id }));
  await ok(engine.call('action.update', { incidentId: id, actionId: after.actionItems[3]!.id, status: 'done' }));
  await ok(engine.call('action.update', { incidentId: id, actionId: after.actionItems[1]!.id, status: 'in-progress' }));
}

// ---- a few dozen incidents across twelve weeks -------------------------------------------

const SERVICES = ['checkout-api', 'payments', 'search', 'auth', 'api-gateway', 'postgres', 'kafka', 'cdn', 'notifications', 'billing', 'inventory', 'email', 'mobile-api', 'recommendations', 'identity', 'reporting', 'webhooks', 'ledger'] as const;
const PROBLEMS = [
  '5xx above 5% after deploy',
  'p99 latency above 4 s',
  'elevated error rate in eu-west-1',
  'consumer lag growing',
  'certificate expired on edge',
  'connection pool exhausted',
  'disk 95% full on primary',
  'timeouts to upstream provider',
  'stale cache served after purge failure',
  'login loop for SSO users',
];
const ROOT_CAUSES: Array<[FactorTag, number]> = [
  ['configuration', 5],
  ['code-change', 6],
  ['dependency', 3],
  ['capacity', 3],
  ['process', 1],
  ['detection', 1],
  ['tooling', 1],
];
const SEVERITY_MIX: Array<[Severity, number]> = [
  ['SEV1', 1],
  ['SEV2', 2.5],
  ['SEV3', 4],
  ['SEV4', 2.5],
];
const TTM_RANGE: Record<Severity, [number, number]> = { SEV1: [18, 95], SEV2: [25, 200], SEV3: [45, 420], SEV4: [90, 1200] };

export interface SeedSummary {
  ids: string[];
  flagged: string[];
  open: string[];
}

/** `count` incidents declared over the last `weeks` weeks, with varied severity, source, tags and causes. */
export async function seedManyIncidents(clock: MovableClock, count = 36, weeks = 12, seed = 7): Promise<SeedSummary> {
  const { engine } = clock;
  const r = random(seed);
  const now = Date.now();
  const latest = now - 2 * MINUTE;
  await ok(engine.call('settings.update', { operatorName: 'Dana Reyes' }));
  const summary: SeedSummary = { ids: [], flagged: [], open: [] };
  const steps: Step[] = [];

  for (let k = 0; k < count; k++) {
    // Newer incidents more often, and the last three still open.
    const age = k < 3 ? r.between(0.6, 5) * HOUR : Math.pow(r.next(), 0.8) * weeks * 7 * DAY + 6 * HOUR;
    const declaredAt = Math.round(now - age);
    const severity = r.weighted(SEVERITY_MIX);
    const weeksAgo = age / (7 * DAY);
    // Monitoring improves over the quarter: fewer customer reports lately.
    const detection: DetectionSource = r.weighted([
      ['alert', 5 + (weeks - weeksAgo) * 0.4],
      ['customer-report', 2 + weeksAgo * 0.35],
      ['internal', 1.5],
    ]);
    const service = r.pick(SERVICES);
    const tags = [service];
    const ttd = Math.round((detection === 'alert' ? r.between(1, 7) : detection === 'customer-report' ? r.between(12, 70) : r.between(4, 30)) * MINUTE);
    const detectedAt = Math.round(declaredAt - r.between(1, 6) * MINUTE);
    const impactStartedAt = detectedAt - ttd;
    const acked = severity !== 'SEV4' || r.chance(0.5);
    const tta = (severity === 'SEV1' ? r.between(0.5, 4) : r.between(1, 14)) * MINUTE;
    const [lo, hi] = TTM_RANGE[severity];
    const ttm = Math.round(r.between(lo, hi) * MINUTE);
    const mitigates = r.chance(0.85);
    const ttr = Math.round(ttm + r.between(8, severity === 'SEV4' ? 600 : 180) * MINUTE);
    const stillOpen = k < 3;
    const flagged = k === 5 || k === 17;
    const cause = r.weighted(ROOT_CAUSES);
    const ref = { id: '' };
    const title = `${service}: ${r.pick(PROBLEMS)}`;

    steps.push({
      at: declaredAt,
      run: async () => {
        const v = await ok(engine.call('incident.declare', { title, severity, detectionSource: detection, impactStartedAt, detectedAt, summary: '' }));
        ref.id = v.id;
        summary.ids.push(v.id);
        if (stillOpen) summary.open.push(v.id);
        if (flagged) summary.flagged.push(v.id);
      },
    });
    steps.push({ at: declaredAt + 20_000, run: () => engine.call('incident.update', { incidentId: ref.id, tags }) });
    if (acked) steps.push({ at: declaredAt + Math.min(tta, ttm * 0.4), run: () => engine.call('escalation.acknowledge', { incidentId: ref.id, by: 'Primary on-call' }) });
    if (flagged) {
      // A scribe's backfill that contradicts the detection time: the metrics must flag it, not use it.
      steps.push({ at: declaredAt + 2 * MINUTE, run: () => engine.call('incident.setTime', { incidentId: ref.id, field: 'impactStartedAt', at: detectedAt + 4 * MINUTE, reason: 'from the load balancer logs' }) });
    }
    steps.push({ at: declaredAt + ttm * 0.3, run: () => engine.call('timeline.log', { incidentId: ref.id, kind: 'finding', text: `Dashboards: ${title.split(': ')[1]}` }) });
    steps.push({ at: declaredAt + ttm * 0.5, run: () => engine.call('incident.setStatus', { incidentId: ref.id, status: 'identified', reason: 'cause found' }) });
    steps.push({ at: declaredAt + ttm * 0.55, run: () => engine.call('timeline.log', { incidentId: ref.id, kind: 'decision', text: r.pick(['Roll back the last deploy', 'Fail over to the secondary', 'Scale out by 50%', 'Disable the feature flag', 'Restart the consumers']) }) });

    // Internal updates, roughly on the cadence: some on time, some late.
    const cadence = severity === 'SEV1' ? 15 : severity === 'SEV2' ? 30 : severity === 'SEV3' ? 60 : null;
    if (cadence) {
      const updates = Math.min(4, Math.max(1, Math.floor(ttr / (cadence * MINUTE))));
      for (let u = 1; u <= updates; u++) {
        const sentAt = declaredAt + u * cadence * MINUTE * r.between(0.75, r.chance(0.3) ? 1.5 : 0.98);
        steps.push({
          at: sentAt,
          run: () => engine.call('update.send', { incidentId: ref.id, draftId: `seed-${k}-${u}`, kind: 'internal', body: `Update ${u}: working on it.`, channel: 'Slack #incidents' }),
        });
      }
    }
    if (stillOpen) continue;
    if (mitigates) {
      steps.push({ at: declaredAt + ttm, run: () => engine.call('timeline.log', { incidentId: ref.id, kind: 'mitigation', text: 'Error rate back to baseline' }) });
      steps.push({ at: declaredAt + ttm + 5_000, run: () => engine.call('incident.setStatus', { incidentId: ref.id, status: 'mitigated', reason: 'baseline' }) });
    }
    steps.push({ at: declaredAt + ttr, run: () => engine.call('incident.setStatus', { incidentId: ref.id, status: 'resolved', reason: 'fixed' }) });
    const resolvedAt = declaredAt + ttr;
    const reviewNeeded = severity === 'SEV1' || severity === 'SEV2' || r.chance(0.2);
    const closeAt = resolvedAt + r.between(2, 30) * HOUR;
    const writtenAt = resolvedAt + r.between(1, 20) * HOUR;
    if (writtenAt < latest) {
      const reviewAt = Math.round(resolvedAt + (reviewNeeded ? 2 : 7) * DAY);
      const held = reviewAt < now - DAY && r.chance(0.7);
      // Only the incidents that got a written review have a categorised root cause.
      const categorised = reviewNeeded || r.chance(0.4);
      if (categorised) {
        steps.push({
          at: writtenAt,
          run: () =>
            engine.call('postmortem.update', {
              incidentId: ref.id,
              rootCauseCategory: cause,
              rootCause: `${cause.replace('-', ' ')} problem in ${service}`,
              ...(reviewNeeded ? { reviewAt } : {}),
            }),
        });
      }
      const items = severity === 'SEV4' ? 0 : 1 + Math.floor(r.next() * 3);
      for (let a = 0; a < items; a++) {
        const dueDate = dayOf(resolvedAt + r.between(4, 40) * DAY);
        const priority = r.pick(['P1', 'P2', 'P2', 'P3'] as const);
        const addedAt = writtenAt + (a + 1) * 30_000;
        steps.push({
          at: addedAt,
          run: () => engine.call('action.add', { incidentId: ref.id, title: r.pick(['Alert on saturation', 'Add a runbook step', 'Canary the config change', 'Raise the pool limit per region', 'Dashboard for consumer lag', 'Automate the failover']), owner: r.pick(['SRE', 'Platform', 'Payments', 'Search team']), dueDate, priority }),
        });
        // Most follow-ups get done, a few slip: the overdue list should be short and real.
        const dueAt = new Date(`${dueDate}T12:00:00`).getTime();
        const outcome = r.weighted<'done' | 'in-progress' | 'wont-do' | null>([['done', 7], ['in-progress', 1.5], ['wont-do', 0.5], [null, 1.5]]);
        const doneAt = addedAt + (dueAt - addedAt) * r.between(0.2, 0.9);
        if (outcome && doneAt < latest) {
          steps.push({
            at: doneAt,
            run: async () => {
              const state = await ok(engine.call('incident.get', { incidentId: ref.id }));
              const item = state.actionItems[a];
              return item ? engine.call('action.update', { incidentId: ref.id, actionId: item.id, status: outcome }) : undefined;
            },
          });
        }
      }
      if (held) steps.push({ at: Math.min(reviewAt + r.between(0, 20) * HOUR, latest), run: () => engine.call('postmortem.update', { incidentId: ref.id, reviewHeldAt: Math.min(reviewAt, latest) }) });
    }
    if (closeAt < latest) steps.push({ at: closeAt, run: () => engine.call('incident.setStatus', { incidentId: ref.id, status: 'closed', reviewNeeded, reason: 'follow-ups tracked' }) });
  }

  const checked: Step[] = steps.map((s) => ({
    at: s.at,
    run: async () => {
      const result = (await s.run()) as { ok: boolean; error?: { message: string } } | undefined;
      if (result && result.ok === false) throw new Error(`seeding failed: ${result.error?.message}`);
    },
  }));
  await runInTimeOrder(clock, checked, latest);
  await clock.reset();
  return summary;
}

// ---- detections from monitoring alerts, and what became of them ---------------------------

export type DetectionOutcome = 'declared' | 'attached' | 'false-alarm' | 'minor' | 'undecided';

/** Alert, service, Alertmanager severity label, outcome, minutes from the alert's start to its arrival, days ago. */
export const DETECTIONS: Array<[string, string, 'critical' | 'warning', DetectionOutcome, number, number]> = [
  ['HighErrorRate', 'checkout', 'critical', 'declared', 3, 34],
  ['DiskWillFillIn4h', 'postgres', 'warning', 'false-alarm', 12, 30],
  ['DiskWillFillIn4h', 'postgres', 'warning', 'false-alarm', 9, 26],
  ['KafkaConsumerLag', 'kafka', 'warning', 'minor', 6, 22],
  ['HighLatencyP99', 'search', 'critical', 'declared', 4, 19],
  ['DiskWillFillIn4h', 'postgres', 'warning', 'minor', 15, 15],
  ['KafkaConsumerLag', 'kafka', 'warning', 'false-alarm', 7, 12],
  ['HighErrorRate', 'payments', 'critical', 'false-alarm', 2, 9],
  ['KafkaConsumerLag', 'kafka', 'critical', 'declared', 5, 6],
  ['CertificateExpiringSoon', 'cdn', 'warning', 'minor', 30, 4],
  ['HighErrorRate', 'checkout', 'critical', 'declared', 2, 2],
  // Attached to the one just declared: the same outage, heard again under another group.
  ['HighErrorRate', 'checkout', 'critical', 'attached', 3, 1.9],
  ['PodCrashLooping', 'notifications', 'warning', 'undecided', 4, 0.2],
  ['DiskWillFillIn4h', 'postgres', 'warning', 'undecided', 11, 0.05],
];

/**
 * The detections above, made the way monitoring makes them (an Alertmanager webhook to the
 * host's intake, at the time it arrived), then declared, attached to the last declared one, or
 * dismissed through the engine, as triage would. Returns the detections' incident ids in order.
 */
export async function seedDetections(clock: MovableClock, host: Host): Promise<string[]> {
  const { engine } = clock;
  const token = (await readFile(path.join(host.dataDir, 'intake-token'), 'utf8')).trim();
  const now = Date.now();
  const ids: string[] = [];
  let lastDeclared: string | null = null;
  for (const [k, [alertname, service, severity, outcome, ttdMinutes, daysAgo]] of DETECTIONS.entries()) {
    const arrivedAt = Math.round(now - daysAgo * DAY);
    await clock.set(arrivedAt);
    const labels = { alertname, service, job: service, instance: `10.0.${k}.17:9090`, severity };
    const groupKey = `{}/{severity="${severity}"}:{alertname="${alertname}", service="${service}", instance="${labels.instance}"}`;
    const body = alertmanagerPayload({
      groupKey,
      groupLabels: { alertname, service, instance: labels.instance },
      commonLabels: labels,
      alerts: [alertmanagerAlert({ labels, fingerprint: `f${String(k).padStart(15, '0')}`, startsAt: new Date(arrivedAt - ttdMinutes * MINUTE).toISOString(), annotations: { summary: `${alertname} on ${service}` } })],
    });
    const response = await fetch(`http://127.0.0.1:${host.port}/intake/alertmanager`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { created?: string[] };
    const id = answer.created?.[0];
    if (!response.ok || !id) throw new Error(`the intake made no detection for ${alertname}: ${response.status} ${JSON.stringify(answer)}`);
    ids.push(id);
    await clock.set(arrivedAt + 4 * MINUTE);
    if (outcome === 'declared') {
      await ok(engine.call('incident.promote', { incidentId: id, reason: 'customers affected' }));
      lastDeclared = id;
    } else if (outcome === 'attached') {
      await ok(engine.call('incident.attach', { incidentId: id, to: lastDeclared! }));
    } else if (outcome !== 'undecided') {
      await ok(engine.call('incident.dismiss', { incidentId: id, outcome, reason: outcome === 'minor' ? 'cleared on its own' : 'threshold too tight' }));
    }
  }
  await clock.reset();
  return ids;
}
