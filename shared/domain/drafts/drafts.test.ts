import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './templates';
import { renderTemplate } from './render';
import { draftValues, PLACEHOLDER_NAMES, publicStatus } from './values';
import { draftToHtml, hashDraft } from './export';
import { open } from '../reduce-lifecycle';
import type { IncidentEvent } from '../events';

const T0 = Date.UTC(2026, 10, 22, 3, 0);
const state = () =>
  open({
    id: 'e1',
    incidentId: 'INC-1',
    seq: 1,
    at: T0,
    actor: 'ic',
    type: 'incident.declared',
    payload: { title: 'Login failures', severity: 'SEV2', detectionSource: 'alert', summary: '30% of logins fail', impactStartedAt: null, detectedAt: null },
  } as Extract<IncidentEvent, { type: 'incident.declared' }>);

describe('update drafts', () => {
  it('every placeholder has a value and every default template uses only known ones', () => {
    const values = draftValues(state(), 'internal', T0 + 60_000);
    expect(Object.keys(values).sort()).toEqual([...PLACEHOLDER_NAMES].sort());
    for (const template of Object.values(DEFAULT_TEMPLATES)) expect(renderTemplate(template, values).problems).toEqual([]);
  });

  it('external language maps status to the public vocabulary', () => {
    const s = state();
    expect(publicStatus(s)).toBe('investigating');
    s.status = 'mitigated';
    expect(publicStatus(s)).toBe('monitoring');
    const text = renderTemplate(DEFAULT_TEMPLATES.external, draftValues(s, 'external', T0)).text;
    expect(text.startsWith('Monitoring — Login failures')).toBe(true);
    expect(text).not.toMatch(/SEV\d|mitigated/);
  });

  it('html export escapes and stays self-contained; hashes differ on any edit', () => {
    const html = draftToHtml('t', 'a <script>x</script>\n\n- one\n- two');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).not.toMatch(/src=|href=/);
    expect(hashDraft('abc')).not.toBe(hashDraft('abd'));
    expect(hashDraft('abc')).toBe(hashDraft('abc'));
  });
});

describe('the next update a draft promises', () => {
  it('is one interval after now, even when the current update is overdue', () => {
    const s = state();
    s.cadence.internal = { intervalMs: 15 * 60_000, firstMs: null };
    const now = T0 + 40 * 60_000; // 25 minutes overdue
    expect(draftValues(s, 'internal', now, {}, 'UTC').nextUpdate).toBe('03:55 UTC');
    expect(draftValues(s, 'internal', now, {}, 'Europe/Paris').nextUpdate).toBe('04:55 CET');
    s.cadence.internal = { intervalMs: null, firstMs: null };
    expect(draftValues(s, 'internal', now).nextUpdate).toBe('as soon as we know more');
  });
});
