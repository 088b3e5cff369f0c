import type { PLACEHOLDER_NAMES } from '../../../shared/domain/drafts/values';

type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

/** A realistic SEV1 forty minutes in, so a template's preview reads like the real thing. */
export const SAMPLE_VALUES: Record<PlaceholderName, string> = {
  title: 'Checkout API returning 502s for EU customers',
  severity: 'SEV1',
  status: 'Investigating',
  updateNumber: '3',
  impact: 'About a third of checkout attempts in the EU fail with a 502.',
  startedAt: '14:02 UTC',
  elapsed: '41:08',
  tried: '- 14:11 UTC Rolled back checkout-api to 2026.11.22-2\n- 14:24 UTC Drained eu-west-1b from the load balancer',
  workstreams: '- Roll back payments gateway — Priya: watching error rate after rollback\n- Customer comms — Sam: status page updated',
  decisions: '- 14:18 UTC Freeze all deploys to eu-west-1',
  needs: 'a database engineer for the connection pool',
  commander: 'Dana Whitfield',
  nextUpdate: '14:58 UTC',
  publicStatus: 'investigating',
  publicStatusLabel: 'Investigating',
  publicMessage:
    'We are investigating a problem affecting checkout in Europe. Some customers may see errors or slow responses. We are sorry for the trouble and are working on it now.',
  affected: 'checkout in Europe',
  businessRisk: 'about €40k of orders an hour',
  etaConfidence: 'mitigation within 30 min, medium confidence',
  asks: 'approve a status-page post naming the payment provider',
  resolvedAt: '15:20 UTC',
  cause: 'a connection-pool limit lowered by the 14:00 deploy',
  fix: 'rolled back the deploy and restored the pool limit',
  postmortemDate: '2026-11-27',
  apology: 'We are sorry for the disruption this caused.',
  publicTitle: 'Some customers in Europe cannot complete checkout',
};
