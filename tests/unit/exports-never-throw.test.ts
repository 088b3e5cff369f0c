// Finding 4 (part): for any state the reducer can reach from valid events, the exports (bundle
// files, Markdown, HTML, CSV), the update drafts and the metrics never throw, and what they
// write keeps user text as text. One throwing renderer makes `bundle.export` fail for that
// incident forever, since the journal that holds the odd value is never rewritten.
import fc from 'fast-check';
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type BundledArtefact, bundleFiles } from '../../electron/core/bundle/bundle-files';
import { composeDraft } from '../../shared/domain/drafts/compose';
import { DRAFT_FORMATS, draftToMarkdown, exportDraft } from '../../shared/domain/drafts/export';
import { DEFAULT_TEMPLATES } from '../../shared/domain/drafts/templates';
import type { IncidentEvent } from '../../shared/domain/events';
import { DRAFT_KINDS, summarize, type IncidentState } from '../../shared/domain/incident';
import { replay } from '../../shared/domain/reducer';
import { metricsReport } from '../../shared/metrics/report';
import { phases } from '../../shared/metrics/timestamps';
import { RESPONDERS_PRIVATE_LINE, respondersMarkdown } from '../../shared/metrics/responders-file';
import { postmortemHtml, postmortemMarkdown } from '../../shared/domain/review/postmortem-render';
import { arbitraryEventSequence, arbitraryText, arbitraryTime, MAX_TIME } from '../support/arbitrary-events';
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
const OUR_TAGS = /^<\/?(?:!doctype|html|head|meta|title|style|body|h1|h2|dl|dt|dd|p|br|ul|ol|li|table|thead|tbody|tr|th|td|b|span|strong|figure|figcaption|img|a|pre)[\s>]/i;
/** A tag of ours: its name, then only the attributes we write, each quoted, with nothing a value could break out of. */
const TAG_SHAPE = /^<\/?[!a-z0-9]+((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>$/i;
const OUR_ATTRIBUTES = new Set(['html', 'lang', 'charset', 'name', 'content', 'class', 'src', 'alt', 'href', 'style']);

/** Every tag is ours, with our attributes; a file is only ever one the bundle carries. */
function checkHtmlTags(html: string): void {
  for (const tag of html.match(/<[^>]*>?/g) ?? []) {
    expect(tag).toMatch(OUR_TAGS);
    const attributes = TAG_SHAPE.exec(tag);
    expect(attributes, tag).not.toBeNull();
    for (const [, name, value] of attributes![1]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)) {
      expect(OUR_ATTRIBUTES.has(name!.toLowerCase()), `${name} in ${tag}`).toBe(true);
      if (name === 'src' || name === 'href') expect(value).toMatch(/^attachments\/[A-Za-z0-9._-]+$/);
    }
  }
}

const now = fc.oneof(arbitraryTime, fc.constantFrom(0, MAX_TIME));
const stateOf = (events: IncidentEvent[]): IncidentState => replay(events)!;
const journalOf = (events: IncidentEvent[]) => strToU8(events.map((e) => JSON.stringify(e)).join('\n') + '\n');

/** The state's artefacts as the bundle would carry them (bundle-handlers.ts names them the same way). */
function carried(state: IncidentState, content = 'ERROR pool exhausted\n<script>alert(1)</script>'): BundledArtefact[] {
  return state.artefacts.map((a) => ({ id: a.id, path: `attachments/${a.hash.slice(0, 16)}-${a.name.replace(/[^A-Za-z0-9._-]+/g, '_')}`, bytes: strToU8(content) }));
}

function checkBundle(state: IncidentState, events: IncidentEvent[], at: number, content?: string): void {
  const files = bundleFiles(state, journalOf(events), events.length, at, 'UTC', undefined, carried(state, content));
  const md = strFromU8(files['postmortem.md']!);
  expect(headings(md).slice(1)).toEqual(POSTMORTEM_HEADINGS);
  expect(headings(md)[0]).toMatch(/^# Post-mortem:/);
  expect(markdownProblems(md)).toEqual([]);
  checkHtmlTags(strFromU8(files['postmortem.html']!));
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

  // Placement tokens (`[[artefact:ID]]`) in the prose: ids of artefacts there are, of none, and
  // ones made to break out of an attribute or a tag; snippets whose first lines are hostile too.
  it('prose with any artefact tokens renders, with no markup of its own, and never throws', { timeout: 60_000 }, () => {
    const ids = ['e1', 'a1', 'w1', 'r1', 'constructor', '__proto__', 'toString', 'INC-fuzz-ev1:system'];
    const hostileIds = ['', ' ', '"><script>alert(1)</script>', 'x" onerror="alert(1)', "x' src='javascript:alert(1)", '../../etc/passwd', 'a]]b', '[[artefact:e1', 'e1\n'];
    const tokenId = fc.oneof(fc.constantFrom(...ids), fc.constantFrom(...hostileIds), fc.string({ maxLength: 20 }), arbitraryText.map((t) => t.slice(0, 120)));
    const token = tokenId.map((id) => `[[artefact:${id}]]`);
    const prose = fc.array(fc.oneof(arbitraryText, token, fc.constantFrom('\n', '\n\n', ' ', '[[artefact:', ']]')), { maxLength: 8 }).map((parts) => parts.join(''));
    const artefact = fc.record({
      id: fc.constantFrom(...ids),
      entryId: fc.constantFrom('e1', 'e2', 'nowhere'),
      hash: fc.constantFrom('0'.repeat(64), 'ab'.repeat(32)),
      name: arbitraryText.map((t) => t.slice(0, 255)),
      mime: fc.constantFrom('image/png', 'image/webp', 'text/plain', 'application/pdf'),
      size: fc.integer({ min: 1, max: 26_214_400 }),
      note: fc.constant(null),
      at: arbitraryTime,
      by: arbitraryText.map((t) => t.slice(0, 200)),
    });
    fc.assert(
      fc.property(
        arbitraryEventSequence('INC-fuzz', { maxEvents: 15 }),
        fc.record({ summary: prose, rootCause: prose, wentWell: prose, couldImprove: prose }),
        fc.array(artefact, { maxLength: 5 }),
        arbitraryText,
        now,
        (events, texts, artefacts, content, at) => {
          const state = stateOf(events);
          state.postmortem = { ...state.postmortem, ...texts };
          state.artefacts = [...state.artefacts, ...artefacts];
          checkBundle(state, events, at, content);
          const html = postmortemHtml(state, at, 'UTC');
          checkHtmlTags(html);
          expect(html, 'every token is placed or marked, none left as typed').not.toMatch(/\[\[artefact:[^[\]\r\n<]{0,200}\]\]/);
          expect(markdownProblems(postmortemMarkdown(state, at, 'UTC'))).toEqual([]);
        },
      ),
      { numRuns: 200 },
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
