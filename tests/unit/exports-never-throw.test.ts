// Finding 4 (part): for any state the reducer can reach from valid events, the exports (bundle
// files, Markdown, HTML, CSV), the update drafts and the metrics never throw, and what they
// write keeps user text as text. One throwing renderer makes `bundle.export` fail for that
// incident forever, since the journal that holds the odd value is never rewritten.
import fc from 'fast-check';
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../../electron/core/bundle/bundle-files';
import { composeDraft } from '../../shared/domain/drafts/compose';
import { DRAFT_FORMATS, draftToMarkdown, exportDraft } from '../../shared/domain/drafts/export';
import { DEFAULT_TEMPLATES } from '../../shared/domain/drafts/templates';
import type { IncidentEvent } from '../../shared/domain/events';
import { DRAFT_KINDS, summarize, type IncidentState } from '../../shared/domain/incident';
import { replay } from '../../shared/domain/reducer';
import { metricsReport } from '../../shared/metrics/report';
import { phases } from '../../shared/metrics/timestamps';
import { RESPONDERS_PRIVATE_LINE, respondersMarkdown } from '../../shared/metrics/responders-file';
import { arbitraryEventSequence, arbitraryTime, MAX_TIME } from '../support/arbitrary-events';
import { headings, markdownProblems } from '../support/markdown-shape';

const POSTMORTEM_HEADINGS = [
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
/** The only tags the post-mortem HTML writes. */
const OUR_TAGS = /^<\/?(?:!doctype|html|head|meta|title|style|body|h1|h2|dl|dt|dd|p|br|ul|ol|li|table|thead|tbody|tr|th|td|b|span|strong|figure|figcaption|img|a)[\s>]/i;

const now = fc.oneof(arbitraryTime, fc.constantFrom(0, MAX_TIME));
const stateOf = (events: IncidentEvent[]): IncidentState => replay(events)!;
const journalOf = (events: IncidentEvent[]) => strToU8(events.map((e) => JSON.stringify(e)).join('\n') + '\n');

function checkBundle(state: IncidentState, events: IncidentEvent[], at: number): void {
  const files = bundleFiles(state, journalOf(events), events.length, at, 'UTC');
  const md = strFromU8(files['postmortem.md']!);
  expect(headings(md).slice(1)).toEqual(POSTMORTEM_HEADINGS);
  expect(headings(md)[0]).toMatch(/^# Post-mortem:/);
  expect(markdownProblems(md)).toEqual([]);
  const html = strFromU8(files['postmortem.html']!);
  for (const tag of html.match(/<[^>]*>?/g) ?? []) expect(tag).toMatch(OUR_TAGS);
  expect(JSON.parse(strFromU8(files['metrics.json']!))).toMatchObject({ incidentId: state.id });
  expect(JSON.parse(strFromU8(files['manifest.json']!))).toMatchObject({ incidentId: state.id, events: events.length });
  for (const csv of ['timeline.csv', 'activity-log.csv', 'action-items.csv']) expect(strFromU8(files[csv]!)).toMatch(/\r\n$/);
  // The private responders file, asked for: everyone on the roster without working hours (they
  // would be counted day by day over the fuzzer's centuries-long stints), names kept as text.
  const roster = state.roleHistory.map((s) => ({ name: s.name }));
  const responders = respondersMarkdown(state, roster, 4, 'UTC', at);
  expect(responders.startsWith(RESPONDERS_PRIVATE_LINE) || (state.drill !== null && responders.includes(`\n\n${RESPONDERS_PRIVATE_LINE}\n`))).toBe(true);
  expect(headings(responders).slice(1)).toEqual(['## Time on this incident', '## Recovery']);
  expect(markdownProblems(responders)).toEqual([]);
}

function checkDrafts(state: IncidentState, at: number): void {
  for (const kind of DRAFT_KINDS) {
    const { body } = composeDraft(state, kind, DEFAULT_TEMPLATES[kind], at, 'UTC');
    for (const format of DRAFT_FORMATS) expect(exportDraft(state, kind, body, format, at, 'UTC').content.length).toBeGreaterThan(0);
    const md = draftToMarkdown(body);
    expect(headings(md)).toEqual([]);
    expect(markdownProblems(md)).toEqual([]);
  }
}

describe('exports, drafts and metrics of any reachable state', () => {
  // 250 sequences take a few seconds; the limit leaves room on a busy 2-core machine.
  it('never throw, and keep user text as text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(arbitraryEventSequence('INC-fuzz', { impossibleDays: true }), now, (events, at) => {
        const state = stateOf(events);
        checkBundle(state, events, at);
        checkDrafts(state, at);
        metricsReport([summarize(state)], {}, at);
        phases(state.timestamps, at);
      }),
      { numRuns: 250 },
    );
  });

  it('metrics across many incidents never throw', () => {
    const incidents = fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 6 }).chain((ns) =>
      fc.tuple(...[...new Set(ns)].map((n) => arbitraryEventSequence(`INC-${n}`, { maxEvents: 15, impossibleDays: true }))),
    );
    fc.assert(
      fc.property(incidents, now, fc.option(arbitraryTime, { nil: null }), (sequences, at, from) => {
        const summaries = sequences.map((events) => summarize(stateOf(events)));
        const report = metricsReport(summaries, { from, to: null, severities: [], tag: null }, at);
        expect(report.incidents).toBeLessThanOrEqual(summaries.length);
      }),
      { numRuns: 60 },
    );
  });

  it('an action item due on 2026-13-45, a cadence of 1e300 minutes and a role named "constructor" are exported', () => {
    const T0 = Date.UTC(2026, 10, 22, 3);
    const drafts = [
      { type: 'incident.declared', payload: { title: 'Odd values', severity: 'SEV1', detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null } },
      { type: 'action.added', payload: { item: { id: 'a1', title: 'Fix', owner: '', dueDate: '2026-13-45', priority: 'P1', status: 'open', link: '' } } },
      { type: 'cadence.set', payload: { audience: 'internal', intervalMinutes: 1e300, firstMinutes: 1e300, reason: '' } },
      { type: 'timeline.logged', payload: { entryId: 'e1', text: 'by whom?', kind: 'decision', occurredAt: T0, attribution: 'constructor', workstreamId: null } },
      { type: 'postmortem.edited', payload: { changes: { timelineEdits: { constructor: { included: true, annotation: 'note' } } } } },
    ];
    const events = drafts.map((d, i) => ({ ...d, id: `ev${i + 1}`, incidentId: 'INC-odd', seq: i + 1, at: T0 + i, actor: 'ic' }) as IncidentEvent);
    const state = stateOf(events);
    checkBundle(state, events, T0 + 60_000);
    checkDrafts(state, T0 + 60_000);
    expect(strFromU8(bundleFiles(state, journalOf(events), events.length, T0, 'UTC')['postmortem.md']!)).toContain('| Fix | — | 2026-13-45 | P1 | open |');
  });
});
