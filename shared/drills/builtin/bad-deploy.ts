import type { Scenario } from '../types';

/**
 * The seeds' most common fast mitigation: a deploy went out, checkout breaks, roll it back.
 * SEV2: a large subset of checkouts fail, the site is up (the seeds keep SEV1 for a complete
 * outage or data loss).
 */
export const BAD_DEPLOY: Scenario = {
  id: 'bad-deploy',
  name: 'Checkout errors after a deploy',
  summary:
    'A release of the checkout service went out three minutes before the drill starts and about a third of checkout requests now fail with 5xx. ' +
    'A good response declares quickly, finds the deploy in the change log, rolls back, and keeps customers and the CEO informed while it does.',
  services: ['checkout', 'payments-api'],
  expectedSeverity: 'SEV2',
  durationMinutes: 45,
  injects: [
    {
      id: 'checkout-5xx',
      kind: 'alert',
      atMinute: 0,
      text: 'CheckoutHighErrorRate firing: 5xx on POST /checkout at 34% over 5 minutes (threshold 5%).',
      alert: {
        status: 'firing',
        labels: { alertname: 'CheckoutHighErrorRate', service: 'checkout', severity: 'critical', env: 'production' },
        annotations: {
          summary: 'Checkout 5xx rate 34% (threshold 5%)',
          description: 'POST /checkout returns 502/500 for about a third of requests across all regions.',
          runbook_url: 'https://runbooks.example.com/checkout/high-error-rate',
        },
        startedMinutesBefore: 3,
      },
      facilitatorNote: 'Triage questions to listen for: what is the impact (a third of checkouts), is it getting worse, is there a probable cause (a recent deploy).',
    },
    {
      id: 'support-tickets',
      kind: 'customer-report',
      atMinute: 3,
      from: 'Support: Priya',
      text: 'We have 12 tickets in the last five minutes saying "Something went wrong" at the payment step. Some customers retried three times. Do we have anything to tell them?',
      facilitatorNote: 'Confirms customer impact; a good team opens a comms workstream or drafts the first external update now.',
    },
    {
      id: 'deploy-found',
      kind: 'finding',
      atMinute: 7,
      from: 'Deploy log',
      text: 'checkout v2024.11.3 (change #4711: new address-validation client) was deployed to all regions at T-3, three minutes before the first alert. No canary stage was used.',
      facilitatorNote: 'Give this to whoever is investigating, only once someone asks what changed. Rolling back is the fastest mitigation; the fix can wait.',
    },
    {
      id: 'ceo-asks',
      kind: 'stakeholder',
      atMinute: 10,
      from: 'CEO',
      text: 'I am hearing checkout is down. When will it be back? Black Friday traffic starts in two hours.',
      facilitatorNote: 'The IC should not answer from the bridge with a guess: a good answer comes through the comms lead with what is known and when the next update is.',
    },
    {
      id: 'rollback-slow',
      kind: 'finding',
      atMinute: 15,
      from: 'Deploy pipeline',
      text: 'Rollback to v2024.11.2 started; the pipeline estimates 6 minutes for all regions. The database migration in #4711 was additive and is safe to leave in place.',
      facilitatorNote: 'Fire by hand once the team decides to roll back; if they have not decided by T+15, let the next inject raise the pressure.',
    },
    {
      id: 'errors-double',
      kind: 'alert',
      atMinute: 20,
      when: { notReached: 'mitigated' },
      text: 'CheckoutHighErrorRate: 5xx on POST /checkout now at 71% over 5 minutes. Retries from clients are adding load.',
      alert: {
        status: 'firing',
        labels: { alertname: 'CheckoutHighErrorRate', service: 'checkout', severity: 'critical', env: 'production' },
        annotations: { summary: 'Checkout 5xx rate 71% (threshold 5%)', description: 'Error rate has doubled; client retries amplify the load.' },
      },
      facilitatorNote: 'Only fires if nothing is mitigated by T+20. A team this far behind should consider raising to SEV1.',
    },
    {
      id: 'recovery',
      kind: 'alert',
      atMinute: 30,
      text: 'CheckoutHighErrorRate resolved: 5xx on POST /checkout back to 0.2%.',
      alert: {
        status: 'resolved',
        labels: { alertname: 'CheckoutHighErrorRate', service: 'checkout', severity: 'critical', env: 'production' },
        annotations: { summary: 'Checkout 5xx rate 0.2%' },
      },
      facilitatorNote: 'Fire by hand when the rollback completes. Watch for mitigation being mistaken for resolution: the team should verify, then resolve, then send the resolution update.',
    },
  ],
};
