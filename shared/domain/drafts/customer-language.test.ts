import { describe, expect, it } from 'vitest';
import { DRAFT_KINDS, type IncidentState } from '../incident';
import { replay } from '../reducer';
import type { IncidentEvent } from '../events';
import { composeDraft } from './compose';
import { exportDraft } from './export';
import { DEFAULT_TEMPLATES } from './templates';

const T0 = Date.UTC(2026, 10, 30, 3, 0);
let seq = 0;
const ev = (type: string, payload: unknown, at = T0): IncidentEvent =>
  ({ id: `e${++seq}`, incidentId: 'INC-1', seq, at, actor: 'Dana', type, payload }) as IncidentEvent;

/** A SEV1 whose internal words (service names, thresholds) must never reach customers. */
function incident(): IncidentState {
  seq = 0;
  return replay([
    ev('incident.declared', { title: 'checkout-api 5xx > 20%', severity: 'SEV1', detectionSource: 'alert', summary: 'pgbouncer pool exhausted on db-eu-3', impactStartedAt: T0 - 600_000, detectedAt: T0 }),
    ev('incident.edited', { tags: ['checkout-api', 'db-eu-3'] }),
    ev('timeline.logged', { entryId: 'n1', text: 'pgbouncer max_client_conn hit on db-eu-3', kind: 'finding', occurredAt: T0 + 60_000, attribution: null, workstreamId: null }, T0 + 60_000),
    ev('timeline.logged', { entryId: 'n2', text: 'Rolled back checkout-api 2026.11.30-1', kind: 'mitigation', occurredAt: T0 + 120_000, attribution: null, workstreamId: null }, T0 + 120_000),
    ev('incident.statusChanged', { from: 'investigating', to: 'resolved', reason: '', reviewNeeded: true }, T0 + 180_000),
  ])!;
}

const INTERNAL_WORDS = /checkout-api|db-eu-3|pgbouncer|5xx|20%|SEV1|max_client_conn/;

describe('updates for customers', () => {
  it('never carry the internal title, tags or timeline text', () => {
    const s = incident();
    for (const kind of ['external', 'resolution'] as const) {
      const draft = composeDraft(s, kind, DEFAULT_TEMPLATES[kind], T0 + 200_000, 'UTC');
      expect(draft.body, kind).not.toMatch(INTERNAL_WORDS);
      expect(draft.problems.map((p) => p.message).join(' '), kind).toMatch(/No customer-facing impact yet/);
    }
    const page = JSON.parse(exportDraft(s, 'external', 'We are looking into it.', 'statuspage', T0, 'UTC').content) as { incident: { name: string } };
    expect(page.incident.name).toBe('Service disruption');
    s.publicImpact = 'Some customers could not complete checkout';
    const external = composeDraft(s, 'external', DEFAULT_TEMPLATES.external, T0 + 200_000, 'UTC');
    expect(external.body.split('\n')[0]).toBe('Resolved — Some customers could not complete checkout');
    expect(external.problems).toEqual([]);
  });

  it('says so when an edited external template uses an internal placeholder', () => {
    const s = { ...incident(), publicImpact: 'Checkout is slow' };
    const draft = composeDraft(s, 'external', 'Update: {{title}}\n{{publicMessage}}', T0, 'UTC');
    expect(draft.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/\{\{title\}\} in front of customers/) })]);
  });
});

describe('the grammar of every default template', () => {
  it('reads as plain sentences in every state', () => {
    const s = incident();
    for (const status of ['investigating', 'identified', 'mitigated', 'resolved'] as const) {
      s.status = status;
      for (const kind of DRAFT_KINDS) {
        const body = composeDraft(s, kind, DEFAULT_TEMPLATES[kind], T0 + 200_000, 'UTC').body;
        expect(body, `${kind}/${status}`).not.toMatch(/\b[Aa] (?:[aeiou])/);
        expect(body, `${kind}/${status}`).not.toMatch(/[^\n ]  +[^ ]|\s[.,;:]|\.\.(?!\.)|\bundefined\b|\bnull\b|\bNaN\b/);
        expect(body, `${kind}/${status}`).not.toMatch(/\b1 (?:updates|minutes|hours|events)\b/);
      }
    }
  });
});
