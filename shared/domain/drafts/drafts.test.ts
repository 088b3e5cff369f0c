import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './templates';
import { renderTemplate } from './render';
import { draftValues, PLACEHOLDER_NAMES, publicStatus } from './values';
import { draftToHtml, exportDraft, hashDraft } from './export';
import { headings, markdownProblems } from '../../../tests/support/markdown-shape';
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
    expect(text.startsWith('Monitoring — Service disruption')).toBe(true);
    expect(text).not.toMatch(/SEV\d|mitigated/);
    s.publicImpact = 'Some customers cannot sign in';
    expect(renderTemplate(DEFAULT_TEMPLATES.external, draftValues(s, 'external', T0)).text.startsWith('Monitoring — Some customers cannot sign in')).toBe(true);
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

describe('draft exports', () => {
  const HOSTILE = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![](https://track.example/p.gif)';

  it('the .md export keeps user text as text: no heading, link, image or HTML of its own', () => {
    const body = `Update\n# Not a heading\n${HOSTILE}\n\n- item ${HOSTILE}\n- <script>alert(1)</script>\n\n> not a quote\n\`\`\`\n[ref]: javascript:alert(1)`;
    const md = exportDraft(state(), 'internal', body, 'md', T0, 'UTC').content;
    expect(headings(md)).toEqual([]);
    expect(markdownProblems(md)).toEqual([]);
    expect(md).toContain('- item \\<img src=x onerror=alert(1)> \\[click\\](javascript:alert(1))');
  });

  it('the .md export keeps the shape of the text: lines, paragraphs and "- " lists', () => {
    const md = exportDraft(state(), 'internal', 'Impact: 30% of logins\nStarted: 03:00 UTC\n\n- one\n- two', 'md', T0, 'UTC').content;
    expect(md).toBe('Impact: 30% of logins\\\nStarted: 03:00 UTC\n\n- one\n- two\n');
  });

  it('the .html export escapes the title and body, and has no links or scripts', () => {
    const s = state();
    s.title = HOSTILE;
    const html = exportDraft(s, 'external', `${HOSTILE}\n\n- ${HOSTILE}\n- javascript:alert(1)`, 'html', T0, 'UTC').content;
    expect(html).not.toMatch(/<(?:img|script|a|iframe)\b|href=|<[^>]*\s(?:src|on\w+)=/i);
    expect(html).toContain('<title>&lt;img src=x onerror=alert(1)&gt;');
  });
});
