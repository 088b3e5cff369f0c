import type { Scenario } from '../types';

/**
 * Latency climbs everywhere, a network change looks guilty and is not: the orders database's
 * connection pool is exhausted by a batch job. Practises holding a hypothesis loosely, and
 * revising it on the record. SEV1: most requests time out for every customer.
 */
export const DB_POOL_EXHAUSTED: Scenario = {
  id: 'db-pool-exhausted',
  name: 'Database connection pool exhausted',
  summary:
    'API latency climbs until most requests time out. A firewall change made an hour ago is the obvious suspect and is a red herring: ' +
    'the orders database connection pool is exhausted by a reporting job that holds connections open. ' +
    'A good response records the first hypothesis, tests it, and revises it when the evidence turns.',
  services: ['orders-api', 'orders-db', 'storefront'],
  expectedSeverity: 'SEV1',
  durationMinutes: 50,
  injects: [
    {
      id: 'latency-p99',
      kind: 'alert',
      atMinute: 0,
      text: 'OrdersApiLatencyHigh firing: p99 latency of orders-api 8.4 s (threshold 1.5 s) for 5 minutes.',
      alert: {
        status: 'firing',
        labels: { alertname: 'OrdersApiLatencyHigh', service: 'orders-api', severity: 'warning', env: 'production' },
        annotations: { summary: 'orders-api p99 8.4 s', description: 'Latency rising on every endpoint of orders-api.' },
        startedMinutesBefore: 5,
      },
      facilitatorNote: 'Starts as a warning: see whether the team asks "is it getting worse?" before the next alert answers it.',
    },
    {
      id: 'gateway-504',
      kind: 'alert',
      atMinute: 4,
      text: 'StorefrontGateway5xx firing: 58% of storefront requests end in 504 Gateway Timeout.',
      alert: {
        status: 'firing',
        labels: { alertname: 'StorefrontGateway5xx', service: 'storefront', severity: 'critical', env: 'production' },
        annotations: { summary: 'Storefront 504 rate 58%', description: 'Upstream orders-api times out after 30 s.' },
      },
      facilitatorNote: 'Now the impact is the whole shop: SEV1. Listen for severity being raised if it was set lower.',
    },
    {
      id: 'firewall-change',
      kind: 'red-herring',
      atMinute: 6,
      from: 'Network team: Jonas',
      text: 'FYI we pushed a firewall rule change to the production VPC at 10:02 (an hour ago), tightening egress for the data subnet. Could that be it?',
      facilitatorNote: 'The red herring. A good team logs it as a hypothesis, asks for a quick test (was traffic dropped? the firewall counters say no), and does not roll the change back blindly.',
    },
    {
      id: 'who-does-comms',
      kind: 'stakeholder',
      atMinute: 10,
      when: { roleEmpty: 'communications-lead' },
      from: 'VP Engineering',
      text: 'Support is getting calls and nobody has posted anything. Who is doing comms on this one?',
      facilitatorNote: 'Only fires if nobody holds the communications lead role by T+10.',
    },
    {
      id: 'firewall-clean',
      kind: 'finding',
      atMinute: 13,
      from: 'Network team: Jonas',
      text: 'Firewall counters show zero dropped packets between the app and data subnets since the change. Connection attempts to orders-db succeed at the TCP level.',
      facilitatorNote: 'Disproves the first hypothesis. Look for the hypothesis being revised or struck on the timeline, not silently dropped.',
    },
    {
      id: 'pool-exhausted',
      kind: 'finding',
      atMinute: 17,
      from: 'DBA: Mei',
      text: 'orders-db pool is at 200/200 connections. 140 of them belong to the nightly "revenue-report" job, which started early today at 10:55 and is holding connections idle in transaction.',
      facilitatorNote: 'The real cause. Fastest mitigations: kill the report job\'s sessions and pause the job; raising the pool limit is slower and riskier.',
    },
    {
      id: 'ceo-revenue',
      kind: 'stakeholder',
      atMinute: 20,
      from: 'CFO',
      text: 'Is the revenue report related? Finance needs it for the board pack at 14:00 — can it keep running?',
      facilitatorNote: 'A decision for the IC with a business trade-off: log it as a decision with its reason.',
    },
    {
      id: 'latency-worse',
      kind: 'alert',
      atMinute: 25,
      when: { notReached: 'mitigated' },
      text: 'OrdersApiLatencyHigh: p99 30 s (the gateway timeout); error budget for the month is gone.',
      alert: {
        status: 'firing',
        labels: { alertname: 'OrdersApiLatencyHigh', service: 'orders-api', severity: 'critical', env: 'production' },
        annotations: { summary: 'orders-api p99 30 s', description: 'Every request now waits for a pool connection.' },
      },
      facilitatorNote: 'Only if nothing is mitigated by T+25.',
    },
    {
      id: 'latency-recovers',
      kind: 'alert',
      atMinute: 35,
      text: 'StorefrontGateway5xx resolved: 504 rate back to 0.1%; orders-api p99 420 ms.',
      alert: {
        status: 'resolved',
        labels: { alertname: 'StorefrontGateway5xx', service: 'storefront', severity: 'critical', env: 'production' },
        annotations: { summary: 'Storefront 504 rate 0.1%' },
      },
      facilitatorNote: 'Fire by hand once the sessions are killed. Resolution needs the job fixed or rescheduled, not just the pool freed.',
    },
  ],
};
