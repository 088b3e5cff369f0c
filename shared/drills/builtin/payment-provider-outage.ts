import type { Scenario } from '../types';

/**
 * Customers notice before monitoring does: the payment provider answers 200 with a decline in
 * the body, so no error-rate alert fires. SEV1: nobody can pay (the seeds' XYZ Corp payment
 * gateway outage was a Sev-1 for the same reason). Heavy on external comms and stakeholders.
 */
export const PAYMENT_PROVIDER_OUTAGE: Scenario = {
  id: 'payment-provider-outage',
  name: 'Card payments declined by the payment provider',
  summary:
    'Customers report every card payment being declined. The payment provider is failing but answers 200 OK with a decline in the body, so no alert fires for several minutes. ' +
    'A good response declares on the customer reports alone, posts a first status-page update within five minutes, fails over to the secondary provider, and answers sales and the CEO.',
  services: ['payments-api', 'checkout', 'status-page'],
  expectedSeverity: 'SEV1',
  durationMinutes: 40,
  injects: [
    {
      id: 'customer-declined',
      kind: 'customer-report',
      atMinute: 0,
      from: 'Support: Amara',
      text: 'Three customers in ten minutes say their card was declined at checkout, with cards that work everywhere else. One says she tried four cards. No alerts on our side?',
      facilitatorNote: 'There is no alert and there will not be one for a while. Listen for the team declaring on the customer reports instead of waiting for monitoring.',
    },
    {
      id: 'more-reports',
      kind: 'customer-report',
      atMinute: 3,
      from: 'Support: Amara',
      text: 'Now 27 tickets and the chat queue is at 40. Someone posted on social media: "Is ShopCo down? Can\'t pay for anything."',
      facilitatorNote: 'Impact is confirmed and public: first external update due now for a SEV1.',
    },
    {
      id: 'decline-rate',
      kind: 'alert',
      atMinute: 6,
      text: 'PaymentSuccessRateLow firing: successful card authorisations 3% over 10 minutes (normal 94%).',
      alert: {
        status: 'firing',
        labels: { alertname: 'PaymentSuccessRateLow', service: 'payments-api', severity: 'critical', env: 'production' },
        annotations: {
          summary: 'Card authorisation success 3% (normal 94%)',
          description: 'The provider returns HTTP 200 with decline code "processor_unavailable" for almost every request.',
        },
        startedMinutesBefore: 12,
      },
      facilitatorNote: 'Detection lagged impact by 12 minutes: a good debrief note for the review (response body validation on /api/payments).',
    },
    {
      id: 'sales-enterprise',
      kind: 'stakeholder',
      atMinute: 9,
      from: 'Head of Sales',
      text: 'Our biggest enterprise customer is on the phone: their staff cannot pay for travel bookings. What do I tell them, and is there a workaround?',
      facilitatorNote: 'Should be answered through the comms or customer liaison role with the agreed words, not by an engineer from the bridge.',
    },
    {
      id: 'status-silent',
      kind: 'customer-report',
      atMinute: 12,
      when: { noUpdateSent: 'external' },
      from: 'Support: Amara',
      text: 'Customers are asking why the status page still says "All systems operational". Two are asking whether they were charged twice.',
      facilitatorNote: 'Only fires if no external update has been sent by T+12.',
    },
    {
      id: 'provider-confirms',
      kind: 'finding',
      atMinute: 14,
      from: 'Payments engineer: Tomás',
      text: 'The provider\'s status page now shows "Degraded: card processing in EU". Our secondary provider is configured and tested monthly; switching the routing flag takes about 3 minutes.',
      facilitatorNote: 'The mitigation is a decision: fail over to the secondary provider (higher fees) or wait for the provider. Expect it logged as a decision with the trade-off.',
    },
    {
      id: 'ceo-asks',
      kind: 'stakeholder',
      atMinute: 18,
      from: 'CEO',
      text: 'How many customers are affected, and are we losing orders or just delaying them? I need a one-line answer for the board chat.',
      facilitatorNote: 'A good answer states known impact and the next update time; it does not guess at revenue.',
    },
    {
      id: 'payments-recover',
      kind: 'alert',
      atMinute: 25,
      text: 'PaymentSuccessRateLow resolved: authorisation success 93% over 5 minutes.',
      alert: {
        status: 'resolved',
        labels: { alertname: 'PaymentSuccessRateLow', service: 'payments-api', severity: 'critical', env: 'production' },
        annotations: { summary: 'Card authorisation success 93%' },
      },
      facilitatorNote: 'Fire by hand once traffic is on the secondary provider. Resolution needs a resolution update to customers, and a plan for switching back.',
    },
  ],
};
