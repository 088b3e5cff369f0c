import { describe, expect, it } from 'vitest';
import { headings, markdownProblems, pipes } from '../../../tests/support/markdown-shape';
import type { EventDraft, IncidentEvent } from '../events';
import type { IncidentState } from '../incident';
import { replay } from '../reducer';
import { postmortemHtml, postmortemMarkdown } from './postmortem-render';

const T0 = Date.UTC(2026, 10, 22, 2, 14);
const HEADINGS = [
  '## Summary',
  '## Impact',
  '## Timeline',
  '## Root cause',
  '## Five whys',
  '## Contributing factors',
  '## What went well',
  '## What could be improved',
  '## Action items',
  '## Metrics',
];

function incident(drafts: EventDraft[]): IncidentState {
  const events = drafts.map((d, i) => ({ ...d, id: `e${i + 1}`, incidentId: 'INC-1', seq: i + 1, at: T0 + i * 60_000, actor: 'ic' }) as IncidentEvent);
  return replay(events)!;
}

const opening = (title: string, summary = ''): EventDraft => ({
  type: 'incident.declared',
  payload: { title, severity: 'SEV1', detectionSource: 'alert', summary, impactStartedAt: null, detectedAt: null },
});
const action = (id: string, title: string, link = '', owner = 'SRE', dueDate: string | null = '2026-12-01'): EventDraft => ({
  type: 'action.added',
  payload: { item: { id, title, owner, dueDate, priority: 'P1', status: 'open', link } },
});
const decision = (entryId: string, text: string, attribution: string | null = null): EventDraft => ({
  type: 'timeline.logged',
  payload: { entryId, text, kind: 'decision', occurredAt: T0 + 5_000, attribution, workstreamId: null },
});

// Everything here can reach a journal through an imported bundle or an older version's commands.
const HOSTILE = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![](https://track.example/p.gif)';

describe('post-mortem Markdown', () => {
  it('a title with line breaks does not make new headings', () => {
    const md = postmortemMarkdown(incident([opening('Checkout down\n## Root cause\n\nIt was DNS\n# Owned')]), T0 + 3_600_000, 'UTC');
    expect(headings(md)).toEqual(['# Post-mortem: Checkout down \\#\\# Root cause It was DNS \\# Owned', ...HEADINGS]);
    expect(markdownProblems(md)).toEqual([]);
  });

  it('raw HTML, links and images in user text stay text', () => {
    const state = incident([
      opening(HOSTILE, `${HOSTILE}\n<script>alert(1)</script>\n\n> quoted\n    indented\n\`\`\`\nfenced\n---`),
      decision('d1', `Roll back ${HOSTILE}`, '<b>x</b>'),
      { type: 'postmortem.edited', payload: { changes: { rootCause: HOSTILE, fiveWhys: [HOSTILE, '1. two'], factors: [{ tag: 'process', text: HOSTILE }], wentWell: '[ref]: javascript:alert(1)\n[ref]', couldImprove: '<details open ontoggle=alert(1)>' } } },
      action('a1', HOSTILE),
    ]);
    const md = postmortemMarkdown(state, T0 + 3_600_000, 'UTC');
    expect(markdownProblems(md)).toEqual([]);
    expect(headings(md)).toHaveLength(HEADINGS.length + 1);
    expect(md).toContain('\\<img src=x onerror=alert(1)> \\[click\\](javascript:alert(1)) !\\[\\](https\\://track.example/p.gif)');
  });

  it('pipes and line breaks stay inside their table cell; a link is an autolink only when it is a plain web address', () => {
    const state = incident([
      opening('Checkout'),
      decision('d1', 'first | second\nthird', 'a|b'),
      action('a1', 'Fix | it\nnow', 'https://example.com/x) | [evil](javascript:alert(1)) |', 'Ops | SRE'),
      action('a2', 'Alert on pool', 'https://wiki.example.com/runbooks/pool?x=1#top'),
      action('a3', 'Stay a text', 'javascript:alert(1)'),
    ]);
    const md = postmortemMarkdown(state, T0 + 3_600_000, 'UTC');
    expect(markdownProblems(md)).toEqual([]);
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    const timeline = rows.slice(0, rows.findIndex((r, i) => i > 0 && r.startsWith('| Action |')));
    const actions = rows.slice(timeline.length);
    expect(timeline.every((r) => pipes(r) === 5)).toBe(true);
    expect(actions.every((r) => pipes(r) === 6)).toBe(true);
    expect(actions).toHaveLength(5);
    expect(md).toContain('| Alert on pool (<https://wiki.example.com/runbooks/pool?x=1#top>) | SRE | 2026-12-01 | P1 | open |');
    expect(md).toContain('| Stay a text (javascript:alert(1)) |');
    expect(md).not.toMatch(/<https:\/\/example\.com\/x\)/);
  });

  it('lines a reader would take as a list, quote or heading in prose are escaped, and breaks kept', () => {
    const md = postmortemMarkdown(incident([opening('Checkout', '- not a list\n# not a heading\n1. not a step\n===')]), T0, 'UTC');
    expect(md).toContain('## Summary\n\n\\- not a list\\\n\\# not a heading\\\n1\\. not a step\\\n\\===\n');
    expect(markdownProblems(md)).toEqual([]);
  });
});

describe('names that are also JavaScript property names', () => {
  it('an entry called "toString" is in the timeline by default, and an attribution "constructor" is a responder', () => {
    const state = incident([opening('Checkout'), decision('toString', 'Fail over to EU-2', 'constructor')]);
    const md = postmortemMarkdown(state, T0, 'UTC');
    expect(md).toContain('| Responder | [decision] Fail over to EU-2 |  |');
    expect(postmortemHtml(state, T0, 'UTC')).toContain('<td>Responder</td>');
  });
});

describe('post-mortem HTML', () => {
  it('escapes user text, and a javascript: link is never a link', () => {
    const state = incident([opening(HOSTILE, HOSTILE), decision('d1', HOSTILE, HOSTILE), action('a1', HOSTILE, 'javascript:alert(1)', HOSTILE)]);
    const html = postmortemHtml(state, T0, 'UTC');
    // No tag of ours carries a src, href or handler; user text shows up only escaped.
    expect(html).not.toMatch(/<(?:img|script|a|iframe|details)\b|href=|<[^>]*\s(?:src|on\w+)=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<span class="k">javascript:alert(1)</span>');
  });
});
