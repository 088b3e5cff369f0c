import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headings, markdownProblems } from '../../../tests/support/markdown-shape';
import type { EventDraft, IncidentEvent } from '../events';
import type { IncidentState } from '../incident';
import { replay } from '../reducer';
import { artefactToken, placeableArtefacts, placementsOf, splitPlacements } from './artefact-placement';
import { postmortemHtml, postmortemMarkdown } from './postmortem-render';

const T0 = Date.UTC(2026, 10, 22, 2, 14);
const HASH = 'ab'.repeat(32);
const PATHS = { shot: 'attachments/abababababababab-p99.png', log: 'attachments/abababababababab-pool.log', pdf: 'attachments/abababababababab-vendor.pdf' };

function incident(drafts: EventDraft[]): IncidentState {
  const events = drafts.map((d, i) => ({ ...d, id: `e${i + 1}`, incidentId: 'INC-1', seq: i + 1, at: T0 + i * 60_000, actor: 'Riley' }) as IncidentEvent);
  return replay(events)!;
}

const opening: EventDraft = {
  type: 'incident.declared',
  payload: { title: 'Checkout p99 above 3 s', severity: 'SEV2', detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null },
};
const logged = (entryId: string, text: string): EventDraft => ({
  type: 'timeline.logged',
  payload: { entryId, text, kind: 'note', occurredAt: T0, attribution: null, workstreamId: null },
});
const attached = (artefactId: string, entryId: string, name: string, mime: 'image/png' | 'text/plain' | 'application/pdf'): EventDraft => ({
  type: 'artefact.attached',
  payload: { artefactId, entryId, hash: HASH, name, mime, size: 2048, note: null },
});
const edited = (changes: Record<string, string>): EventDraft => ({ type: 'postmortem.edited', payload: { changes } });

const files = [logged('l1', 'Grafana: p99 at 3.4 s'), attached('shot', 'l1', 'p99.png', 'image/png'), attached('log', 'l1', 'pool.log', 'text/plain'), attached('pdf', 'l1', 'vendor.pdf', 'application/pdf')];
/** A screenshot whose line was struck: its file is out of the review. */
const struckShot: EventDraft[] = [logged('l2', 'wrong panel'), attached('gone', 'l2', 'old.png', 'image/png'), { type: 'timeline.struck', payload: { entryId: 'l2', reason: 'wrong panel' } }];

/** The HTML between a section's heading and the next one. */
function sectionOf(html: string, title: string): string {
  const start = html.indexOf(`<h2>${title}</h2>`);
  expect(start, `a ${title} section`).toBeGreaterThan(-1);
  const next = html.indexOf('<h2>', start + 4);
  return html.slice(start, next === -1 ? undefined : next);
}
const mdSectionOf = (md: string, title: string) => {
  const start = md.indexOf(`\n## ${title}\n`);
  expect(start).toBeGreaterThan(-1);
  const next = md.indexOf('\n## ', start + 4);
  return md.slice(start, next === -1 ? undefined : next);
};

describe('placing artefacts in the prose', () => {
  it('cuts the prose at each token; an id that is not one, is unknown, or is on a struck line places nothing', () => {
    const state = incident([opening, ...files, ...struckShot]);
    const placeable = placeableArtefacts(state);
    expect([...placeable.keys()]).toEqual(['shot', 'log', 'pdf']);
    const parts = splitPlacements(`Before ${artefactToken('shot')} mid [[artefact:gone]][[artefact:nope]][[artefact:a b]][[artefact:constructor]] end`, placeable);
    expect(parts.map((p) => (p.kind === 'text' ? p.text : p.artefact?.name ?? `?${p.token}`))).toEqual(['Before ', 'p99.png', ' mid ', '?gone', '', '?nope', '', '?a b', '', '?constructor', ' end']);
    expect(splitPlacements('[[artefact:shot]\n[[artefact:\nshot]]', placeable)).toHaveLength(1);
    expect(placementsOf({ summary: '—', rootCause: '[[artefact:shot]]', wentWell: '[[artefact:shot]] [[artefact:log]]', couldImprove: '' }, placeable)).toEqual(
      new Map([
        ['shot', 'rootCause'],
        ['log', 'wentWell'],
      ]),
    );
  });
});

describe('post-mortem HTML with placed artefacts', () => {
  const state = incident([
    opening,
    ...files,
    logged('l3', 'second screenshot'),
    attached('other', 'l3', 'error-rate.png', 'image/png'),
    edited({ rootCause: 'The pool was too small:\n[[artefact:shot]]\nand it ran dry.', wentWell: 'The log said so early. [[artefact:log]] Vendor notes: [[artefact:pdf]]' }),
  ]);
  const paths = { ...PATHS, other: 'attachments/abababababababab-error-rate.png' };
  const log = Array.from({ length: 30 }, (_, i) => `ERROR pool exhausted <b>req=${i}</b>`).join('\n');
  const html = postmortemHtml(state, T0 + 3_600_000, 'UTC', { paths, excerpts: { log } });

  it('shows a placed image inside its section, where the token stood, with a caption', () => {
    const root = sectionOf(html, 'Root cause');
    expect(root).toContain('<p>The pool was too small:</p><figure><img src="attachments/abababababababab-p99.png" alt="p99.png"><figcaption>p99.png — 2026-11-22T02:16+00:00 by Riley</figcaption></figure><p>and it ran dry.</p>');
    expect(root).not.toContain('[[artefact:');
  });

  it('shows a placed snippet as its first lines, escaped, with the file linked; a PDF as a link', () => {
    const well = sectionOf(html, 'What went well');
    expect(well).toContain('<pre>ERROR pool exhausted &lt;b&gt;req=0&lt;/b&gt;\n');
    expect(well).toContain('req=11&lt;/b&gt;\n…</pre><figcaption><a href="attachments/abababababababab-pool.log">pool.log</a>');
    expect(well).not.toContain('req=12');
    expect(well).toContain('<p><a href="attachments/abababababababab-vendor.pdf">vendor.pdf</a> (application/pdf, 2048 bytes)');
  });

  it('lists at the end what is not placed in full, and says where the placed ones are', () => {
    const end = sectionOf(html, 'Artefacts');
    expect(end).toContain('<img src="attachments/abababababababab-error-rate.png"');
    expect(end).not.toContain('<img src="attachments/abababababababab-p99.png"');
    expect(end).toMatch(/p99\.png — [^<]+ by Riley <span class="k">sha-256 [ab]{64}<\/span> — placed in Root cause/);
    expect(end).toContain('placed in What went well');
    expect(html.match(/<img /g)).toHaveLength(2);
  });

  it('marks an unknown, struck or malformed token visibly and escapes what it says', () => {
    const odd = incident([
      opening,
      ...files,
      ...struckShot,
      edited({ summary: '[[artefact:nope]] [[artefact:gone]] [[artefact:"><script>alert(1)</script>]] [[artefact:x" onerror="alert(1)]]' }),
    ]);
    const out = postmortemHtml(odd, T0, 'UTC', { paths: { ...PATHS, gone: 'attachments/abababababababab-old.png' } });
    const summary = sectionOf(out, 'Summary');
    expect(summary).toContain('<p class="missing">[artefact not found: nope]</p><p class="missing">[artefact not found: gone]</p>');
    expect(summary).toContain('[artefact not found: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;]');
    expect(summary).toContain('[artefact not found: x&quot; onerror=&quot;alert(1)]');
    expect(out).not.toMatch(/<script|<[^>]*\son\w+=/i);
  });

  it('names a placed file it was not given a path for, or given one of another shape, without linking it', () => {
    const noFiles = postmortemHtml(state, T0, 'UTC');
    expect(sectionOf(noFiles, 'Root cause')).toContain('<figure><figcaption>p99.png — 2026-11-22T02:16+00:00 by Riley <span class="k">(file not in this copy)</span></figcaption></figure>');
    expect(noFiles).not.toMatch(/<img|href=/);
    const odd = postmortemHtml(state, T0, 'UTC', { paths: { shot: 'javascript:alert(1)', log: '../../etc/passwd', pdf: 'attachments/a"b' } });
    expect(odd).not.toMatch(/src="javascript|href="\.\.|href="attachments\/a/);
  });
});

describe('a printout with its images inside the page', () => {
  const state = incident([opening, ...files, logged('l3', 'error rate'), attached('rate', 'l3', 'rate.png', 'image/png'), edited({ rootCause: 'Too small: [[artefact:shot]]', wentWell: '[[artefact:log]] and [[artefact:pdf]]' })]);
  const PNG = 'data:image/png;base64,iVBORw0KGgo=';

  it('shows a placed image and an unplaced one from data: URLs, a snippet from its excerpt alone, and names a file it has neither for', () => {
    const html = postmortemHtml(state, T0, 'UTC', { images: { shot: PNG, rate: PNG }, excerpts: { log: 'ERROR pool exhausted <b>req=1</b>' } });
    expect(sectionOf(html, 'Root cause')).toContain(`<figure><img src="${PNG}" alt="p99.png"><figcaption>p99.png — 2026-11-22T02:16+00:00 by Riley</figcaption></figure>`);
    const well = sectionOf(html, 'What went well');
    expect(well).toContain('<figure><pre>ERROR pool exhausted &lt;b&gt;req=1&lt;/b&gt;</pre><figcaption>pool.log — 2026-11-22T02:17+00:00 by Riley</figcaption></figure>');
    expect(well).toContain('vendor.pdf — 2026-11-22T02:18+00:00 by Riley <span class="k">(file not in this copy)</span>');
    const listed = sectionOf(html, 'Artefacts');
    expect(listed).toContain(`p99.png — 2026-11-22T02:16+00:00 by Riley <span class="k">sha-256 ${HASH}</span> — placed in Root cause`);
    expect(listed).toContain(`<img src="${PNG}" alt="rate.png"`);
    expect(html).not.toMatch(/href=/);
  });

  it('takes only a base64 data: URL of the artefact\'s own raster type; anything else shows no image', () => {
    for (const url of [
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:image/jpeg;base64,/9j/4AAQ',
      'data:text/html;base64,PHNjcmlwdD4=',
      'javascript:alert(1)',
      'data:image/png;base64,iVBO" onerror="alert(1)',
      'data:image/png;base64,iVBORw0KGgo',
      'data:image/png;base64,',
      'data:image/png,<svg>',
    ]) {
      const html = postmortemHtml(state, T0, 'UTC', { images: { shot: url, log: PNG, pdf: PNG } });
      expect(html, url).not.toContain('<img');
      expect(sectionOf(html, 'Root cause'), url).toContain('(file not in this copy)');
    }
  });

  it('never lets markup or another scheme through, whatever strings it is given as images', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('shot', 'rate', 'log', 'constructor', '__proto__'), fc.oneof(fc.string(), fc.string().map((s) => `data:image/png;base64,${s}`))), (images) => {
        const html = postmortemHtml(state, T0, 'UTC', { images });
        expect(html).not.toMatch(/<script|<[^>]*\son\w+=/i);
        for (const m of html.matchAll(/<img src="([^"]*)"/g)) expect(m[1]).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('post-mortem Markdown with placed artefacts', () => {
  it('places an image or a link in its section, marks what is not found, and adds no structure of the user\'s', () => {
    const state = incident([opening, ...files, edited({ rootCause: 'Pool too small [[artefact:shot]] then\n[[artefact:log]]', couldImprove: '[[artefact:missing]] [x](javascript:alert(1)) [[artefact:pdf]]' })]);
    const md = postmortemMarkdown(state, T0, 'UTC', PATHS);
    expect(markdownProblems(md)).toEqual([]);
    expect(headings(md).slice(1)).toEqual(['## Summary', '## Impact', '## Timeline', '## Root cause', '## Five whys', '## Contributing factors', '## What went well', '## What could be improved', '## Action items', '## Metrics']);
    expect(mdSectionOf(md, 'Root cause')).toContain('Pool too small\n\n![p99.png](attachments/abababababababab-p99.png)\\\np99.png — 2026-11-22T02:16+00:00 by Riley\n\nthen\n\n[pool.log](attachments/abababababababab-pool.log) — 2026-11-22T02:17+00:00 by Riley');
    const improve = mdSectionOf(md, 'What could be improved');
    expect(improve).toContain('\\[artefact not found: missing\\]\n\n\\[x\\](javascript:alert(1))\n\n[vendor.pdf](attachments/abababababababab-vendor.pdf)');
    const bare = postmortemMarkdown(state, T0, 'UTC');
    expect(mdSectionOf(bare, 'Root cause')).toContain('p99.png — 2026-11-22T02:16+00:00 by Riley (file not in this copy)');
    expect(markdownProblems(bare)).toEqual([]);
  });
});
