import type { EntryKind } from '../../shared/domain/incident';

type ScribeKind = Exclude<EntryKind, 'system'>;

/** A plausible SEV1 timeline: minutes after declaration, kind, text. */
export const SEV1_TIMELINE: [number, ScribeKind, string][] = [
  [0.4, 'action', 'Paged payments on-call (Maria) and checkout on-call (Dev)'],
  [1.1, 'finding', 'Grafana: checkout-api 5xx at 38% in eu-west-1; us-east-1 and ap-south-1 normal'],
  [1.6, 'note', 'Customer support: ~40 "payment failed" tickets in the last 10 minutes, all EU'],
  [2.2, 'hypothesis', 'Deploy 2026.11.22-3, out six minutes before the spike, changed the payments client connection pool'],
  [2.9, 'action', 'Dev pulling checkout-api pod logs from eu-west-1'],
  [3.4, 'comms', 'Opened #inc-checkout-eu; first internal update posted'],
  [4.0, 'finding', 'Logs: "pool exhausted, waited 5000ms" on every failing request'],
  [4.6, 'note', 'Payments provider status page is green; no incident declared on their side'],
  [5.3, 'decision', 'Roll back 2026.11.22-3 in eu-west-1 first; hold us-east-1 (healthy)'],
  [5.9, 'action', 'Dev started rollback of checkout-api eu-west-1 to 2026.11.22-2'],
  [6.5, 'comms', 'Status page: "Investigating — some EU customers cannot complete checkout"'],
  [7.2, 'todo', 'Check whether client retries are amplifying load on the provider'],
  [8.0, 'finding', 'Rollback 50% complete; 5xx down from 38% to 21%'],
  [8.8, 'note', 'Maria: provider saw our connection count triple within a minute of the deploy'],
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
  [19.4, 'decision', 'Keep the incident open at SEV1 until the retry queue is empty and orders reconcile'],
  [21.0, 'action', 'Priya (data) running the failed-orders query for the impact window'],
  [22.7, 'finding', 'Retry queue empty'],
  [24.3, 'note', 'us-east-1 still on 2026.11.22-3 and healthy: pool change only bites at EU traffic levels?'],
  [26.0, 'hypothesis', 'EU pool limit hit because eu-west-1 runs half the pods of us-east-1 with the same per-pod limit'],
  [27.6, 'action', 'Dev reproducing in staging with eu-west-1 pod count'],
  [29.9, 'finding', 'Staging reproduces: pool exhausted at 60% of EU peak load'],
  [31.2, 'comms', 'Internal update #3 sent; customer liaison drafting note for affected merchants'],
  [33.0, 'finding', 'Priya: 1,284 failed orders, 1,190 retried successfully, 94 need outreach'],
  [34.4, 'todo', 'Customer liaison to contact the 94 affected merchants'],
  [36.1, 'decision', 'Roll back us-east-1 too as a precaution before the US peak'],
  [37.5, 'action', 'Rollback of us-east-1 started'],
  [39.0, 'finding', 'us-east-1 rollback complete; no errors'],
  [40.2, 'comms', 'Status page: "Resolved" drafted, waiting for IC approval'],
  [40.9, 'note', 'Handoff to the US shift planned within the hour; IC briefing doc started'],
];

export const SEV1_SUMMARY =
  'Checkout fails for EU customers: checkout-api 5xx at 38% in eu-west-1, starting a minute after deploy 2026.11.22-3. ' +
  'Payments client pool exhausted. us-east-1 unaffected. Provider healthy.';
