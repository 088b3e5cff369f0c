import type { DraftKind, RoleKey, ScribeKind } from '../../shared/domain/incident';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { connectEngine, type EngineClient, unwrap } from './engine-client';
import type { Host } from './fixtures';


/** A plausible SEV1 timeline: minutes after declaration, kind, text, and whom it is about. */
export const SEV1_TIMELINE: [number, ScribeKind, string, string?][] = [
  [0.4, 'action', 'Paged payments on-call (Maria) and checkout on-call (Dev)'],
  [1.1, 'finding', 'Grafana: checkout-api 5xx at 38% in eu-west-1; us-east-1 and ap-south-1 normal'],
  [1.6, 'note', 'Customer support: ~40 "payment failed" tickets in the last 10 minutes, all EU'],
  [2.2, 'hypothesis', 'Deploy 2026.11.22-3, out six minutes before the spike, changed the payments client connection pool'],
  [2.9, 'action', 'Dev pulling checkout-api pod logs from eu-west-1', 'technical-lead'],
  [3.4, 'comms', 'Opened #inc-checkout-eu; first internal update posted'],
  [4.0, 'finding', 'Logs: "pool exhausted, waited 5000ms" on every failing request', 'technical-lead'],
  [4.6, 'note', 'Payments provider status page is green; no incident declared on their side'],
  [5.3, 'decision', 'Roll back 2026.11.22-3 in eu-west-1 first; hold us-east-1 (healthy)', 'incident-commander'],
  [5.9, 'action', 'Dev started rollback of checkout-api eu-west-1 to 2026.11.22-2'],
  [6.5, 'comms', 'Status page: "Investigating — some EU customers cannot complete checkout"', 'communications-lead'],
  [7.2, 'todo', 'Check whether client retries are amplifying load on the provider'],
  [8.0, 'finding', 'Rollback 50% complete; 5xx down from 38% to 21%'],
  [8.8, 'note', 'Maria: provider saw our connection count triple within a minute of the deploy', 'Maria Santos'],
  [9.6, 'finding', 'Rollback 100% in eu-west-1; 5xx at 4% and falling'],
  [10.4, 'hypothesis', 'Remaining errors are retries of requests queued during the outage'],
  [11.3, 'action', 'Asked Sam (SRE) to watch the retry queue depth in eu-west-1'],
  [12.1, 'finding', 'Retry queue draining: 18k → 6k'],
  [13.0, 'comms', 'Internal update #2: rollback done, error rate 4% and falling, next update in 30 min'],
  [14.2, 'note', 'Finance asks for a count of failed orders; deferred until mitigated'],
  [15.5, 'finding', '5xx at 0.4%, back to baseline'],
  [16.1, 'mitigation', 'Mitigated: eu-west-1 on 2026.11.22-2, error rate at baseline for 5 minutes'],
  [16.8, 'comms', 'Status page: "Monitoring — a fix has been applied"'],
  [18.0, 'todo', 'Freeze checkout-api deploys until the pool change is understood'],
  [19.4, 'decision', 'Keep the incident open at SEV1 until the retry queue is empty and orders reconcile', 'incident-commander'],
  [21.0, 'action', 'Priya (data) running the failed-orders query for the impact window'],
  [22.7, 'finding', 'Retry queue empty'],
  [24.3, 'note', 'us-east-1 still on 2026.11.22-3 and healthy: pool change only bites at EU traffic levels?'],
  [26.0, 'hypothesis', 'EU pool limit hit because eu-west-1 runs half the pods of us-east-1 with the same per-pod limit'],
  [27.6, 'action', 'Dev reproducing in staging with eu-west-1 pod count'],
  [29.9, 'finding', 'Staging reproduces: pool exhausted at 60% of EU peak load'],
  [31.2, 'comms', 'Internal update #3 sent; customer liaison drafting note for affected merchants'],
  [33.0, 'finding', 'Priya: 1,284 failed orders, 1,190 retried successfully, 94 need outreach', 'Priya Nair'],
  [34.4, 'todo', 'Customer liaison to contact the 94 affected merchants', 'customer-liaison'],
  [36.1, 'decision', 'Roll back us-east-1 too as a precaution before the US peak', 'incident-commander'],
  [37.5, 'action', 'Rollback of us-east-1 started'],
  [39.0, 'finding', 'us-east-1 rollback complete; no errors'],
  [40.2, 'comms', 'Status page: "Resolved" drafted, waiting for IC approval'],
  [40.9, 'note', 'Handoff to the US shift planned within the hour; IC briefing doc started'],
];

export const SEV1_SUMMARY =
  'Checkout fails for EU customers: checkout-api 5xx at 38% in eu-west-1, starting a minute after deploy 2026.11.22-3. ' +
  'Payments client pool exhausted. us-east-1 unaffected. Provider healthy.';

/** The on-call roster the screens and tests pick people from. */
export const ROSTER: { name: string; contact: string; usualRoles: RoleKey[] }[] = [
  { name: 'Dana Whitfield', contact: '+1 415 555 0142 · @dana', usualRoles: ['incident-commander'] },
  { name: 'Marcus Lee', contact: '+1 415 555 0177 · @marcus', usualRoles: ['incident-commander', 'technical-lead'] },
  { name: 'Dev Patel', contact: '+44 20 7946 0311 · @dev', usualRoles: ['technical-lead'] },
  { name: 'Tom Becker', contact: '+49 30 5557 1200 · @tom', usualRoles: ['communications-lead'] },
  { name: 'Lena Fischer', contact: '+49 30 5557 1288 · @lena', usualRoles: ['communications-lead', 'executive-liaison'] },
  { name: 'Sam Okafor', contact: '+44 20 7946 0420 · @sam', usualRoles: ['scribe'] },
  { name: 'Jo Rivera', contact: '+1 212 555 0199 · @jo', usualRoles: ['customer-liaison'] },
  { name: 'Maria Santos', contact: '+351 21 555 0101 · @maria', usualRoles: [] },
  { name: 'Priya Nair', contact: '+91 80 5555 0123 · @priya', usualRoles: [] },
  { name: 'Alex Kim', contact: '+1 206 555 0164 · @alex', usualRoles: ['technical-lead'] },
];

export const SEV1_TIERS = [
  { target: 'Primary on-call', contact: 'Maria Santos · +351 21 555 0101', delayMinutes: 0 },
  { target: 'Secondary on-call', contact: 'Alex Kim · +1 206 555 0164', delayMinutes: 5 },
  { target: 'Engineering manager', contact: 'Marcus Lee · +1 415 555 0177', delayMinutes: 15 },
  { target: 'Executive on duty', contact: 'R. Ortega · +1 415 555 0100', delayMinutes: 30 },
];

const MINUTE = 60_000;

async function sendUpdate(engine: EngineClient, incidentId: string, kind: DraftKind, channel: string, recipients: string) {
  const draft = unwrap(await engine.call('update.compose', { incidentId, kind }));
  const draftId = `seed-${kind}-${Date.now().toString(36)}`;
  // The IC approves at the scribe's console, as a shared war-room machine does: switch, approve, switch back.
  unwrap(await engine.call('settings.update', { operatorName: 'Dana Whitfield' }));
  unwrap(await engine.call('update.approve', { incidentId, draftId, kind, body: draft.body }));
  unwrap(await engine.call('settings.update', { operatorName: 'Sam Okafor' }));
  unwrap(await engine.call('update.send', { incidentId, draftId, kind, body: draft.body, channel, recipients }));
}

/**
 * A SEV1 forty-one minutes in, built the way it happened: a host whose clock runs in the past
 * makes each step at its own time (roles, acknowledgement, workstreams, updates), then the
 * scribe's lines are backfilled on the real clock. Returns the incident id.
 *
 * At the end: IC on shift long enough for the hand-off warning, executive liaison empty, three
 * workstreams (one blocked with a missed check-in, one with a check-in about to come due), the
 * internal clock calm and the external one in its last two minutes.
 */
export async function seedSev1WarRoom(host: Host, options: { shiftLimitHours?: number } = {}): Promise<string> {
  const t0 = Date.now();
  const at = async (minutesAgo: number) => {
    await host.restart({ clockOffsetMs: -minutesAgo * MINUTE - (Date.now() - t0) });
    return connectEngine(host);
  };

  let engine = await at(41);
  unwrap(
    await engine.call('settings.update', {
      escalation: { ...DEFAULT_SETTINGS.escalation, SEV1: SEV1_TIERS },
      shiftLimitHours: options.shiftLimitHours ?? 0.65,
      operatorName: 'Sam Okafor',
    }),
  );
  for (const person of ROSTER) unwrap(await engine.call('roster.save', person));
  const incident = unwrap(
    await engine.call('incident.declare', {
      title: 'Checkout API returning 502s for EU customers',
      severity: 'SEV1',
      detectionSource: 'alert',
      summary: SEV1_SUMMARY,
      impactStartedAt: t0 - 47 * MINUTE,
      detectedAt: t0 - 44 * MINUTE,
    }),
  );
  const id = incident.id;
  const person = (name: string) => ROSTER.find((p) => p.name === name)!;
  const assign = async (role: RoleKey, name: string) =>
    unwrap(await engine.call('role.assign', { incidentId: id, role, name, contact: person(name).contact }));
  await assign('incident-commander', 'Dana Whitfield');
  await engine.close();

  engine = await at(37);
  await sendUpdate(engine, id, 'external', 'Status page', 'status.example.com');
  await engine.close();

  engine = await at(35);
  unwrap(await engine.call('escalation.acknowledge', { incidentId: id, by: 'Maria Santos' }));
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'identified', reason: 'Pool exhaustion after deploy 2026.11.22-3' }));
  await assign('technical-lead', 'Dev Patel');
  await assign('communications-lead', 'Tom Becker');
  await assign('scribe', 'Sam Okafor');
  await assign('customer-liaison', 'Jo Rivera');
  for (const [name, expertise] of [
    ['Maria Santos', 'Payments on-call'],
    ['Alex Kim', 'SRE, eu-west-1'],
  ] as const) {
    unwrap(await engine.call('responder.add', { incidentId: id, name, contact: person(name).contact, expertise }));
  }
  await engine.close();

  engine = await at(30);
  unwrap(await engine.call('escalation.page', { incidentId: id, target: 'Payments provider TAM', contact: 'tam@provider.example · +44 20 3000 0000', reason: 'connection counts from our side' }));
  const rootCause = unwrap(
    await engine.call('workstream.open', {
      incidentId: id,
      title: 'Pool exhaustion root cause',
      kind: 'investigate',
      owner: 'Alex Kim',
      nextStep: 'Reproduce in staging at eu-west-1 pod count, then size the per-pod pool limit',
      checkInAt: t0 + 2 * MINUTE,
    }),
  );
  const providerCap = unwrap(
    await engine.call('workstream.open', {
      incidentId: id,
      title: 'Provider-side connection cap',
      kind: 'investigate',
      owner: 'Maria Santos',
      nextStep: 'Ask the provider whether our account has a connection cap',
      checkInAt: t0 - 2.5 * MINUTE,
    }),
  );
  unwrap(
    await engine.call('workstream.open', {
      incidentId: id,
      title: 'Merchant outreach',
      kind: 'customer',
      owner: 'Jo Rivera',
      nextStep: 'Note to the 94 merchants whose orders need a manual retry',
      checkInAt: t0 + 12 * MINUTE,
    }),
  );
  unwrap(await engine.call('responder.add', { incidentId: id, name: 'Priya Nair', contact: person('Priya Nair').contact, expertise: 'Data, orders DB' }));
  await sendUpdate(engine, id, 'internal', 'Slack #inc-checkout-eu', '#inc-checkout-eu, support leads');
  unwrap(await engine.call('timeline.log', { incidentId: id, kind: 'action', text: 'Alex cloning eu-west-1 pod layout into staging', workstreamId: rootCause.id, attribution: 'Alex Kim' }));
  await engine.close();

  engine = await at(24.5);
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'mitigated', reason: 'eu-west-1 rolled back; 5xx at baseline for 5 minutes' }));
  await engine.close();

  engine = await at(18.5);
  unwrap(
    await engine.call('role.handoff', {
      incidentId: id,
      role: 'communications-lead',
      name: 'Lena Fischer',
      contact: person('Lena Fischer').contact,
      briefing: {
        situation: 'Mitigated in eu-west-1 by rollback; error rate at baseline. Still SEV1 until orders reconcile.',
        actions: 'Status page on Monitoring; merchant note waiting for the failed-order count.',
        decisions: 'Whether to post Resolved before the US peak.',
        nextUpdate: 'External in 20 min, internal in 15.',
      },
    }),
  );
  await sendUpdate(engine, id, 'external', 'Status page', 'status.example.com');
  unwrap(
    await engine.call('workstream.update', {
      incidentId: id,
      workstreamId: providerCap.id,
      status: 'blocked',
      nextStep: 'Waiting on the provider TAM to confirm the per-account cap (case 88412)',
    }),
  );
  await engine.close();

  engine = await at(10);
  await sendUpdate(engine, id, 'internal', 'Slack #inc-checkout-eu', '#inc-checkout-eu, support leads');
  unwrap(await engine.call('timeline.log', { incidentId: id, kind: 'finding', text: 'Staging reproduces at 60% of EU peak', workstreamId: rootCause.id, attribution: 'technical-lead' }));
  await engine.close();

  await host.restart();
  engine = await connectEngine(host);
  const declaredAt = incident.timestamps.declaredAt ?? t0;
  const logged: string[] = [];
  for (const [minutes, kind, text, attribution] of SEV1_TIMELINE) {
    const occurredAt = Math.min(Date.now(), Math.round(declaredAt + minutes * MINUTE));
    logged.push(unwrap(await engine.call('timeline.log', { incidentId: id, kind, text, occurredAt, attribution: attribution ?? null })).id);
  }
  const byText = (part: string) => logged[SEV1_TIMELINE.findIndex(([, , text]) => text.includes(part))]!;
  for (const part of ['Roll back 2026.11.22-3', 'Mitigated: eu-west-1', 'Roll back us-east-1 too']) {
    unwrap(await engine.call('timeline.pin', { incidentId: id, entryId: byText(part), pinned: true }));
  }
  unwrap(await engine.call('timeline.amend', { incidentId: id, entryId: byText('Retry queue draining'), text: 'Retry queue draining: 18k → 6k in 4 minutes' }));
  unwrap(await engine.call('timeline.strike', { incidentId: id, entryId: byText('Payments provider status page is green'), reason: 'logged on the wrong incident' }));
  await engine.close();
  return id;
}
