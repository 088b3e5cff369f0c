import { formatSpan, incidentClocks } from '../clocks';
import { isBase64 } from '../../contract/base64';
import { escapeHtml } from '../drafts/export';
import { type ArtefactRecord, FACTOR_TAGS, type IncidentState, type Millis } from '../incident';
import { mdBlock, mdHeading, mdLink, mdText } from '../markdown';
import { STATUS_LABELS } from '../lifecycle';
import { describeZone, formatIsoMinute } from '../../time/format';
import type { TimeZone } from '../../time/zone';
import { reviewTimeline } from './review-timeline';
import { DRILL_BANNER } from '../../drills/marking';
import { isAttachmentPath, notFoundMarker, type PlaceableSection, PLACEABLE_SECTION_TITLES, placeableArtefacts, placementsOf, type ProsePart, snippetExcerpt, splitPlacements } from './artefact-placement';

/** Every time in the review is ISO-8601 with its offset, in the zone the facts name. */
const timeIn = (zone: TimeZone) => (ms: Millis | null) => (ms === null ? '—' : formatIsoMinute(ms, zone));
const span = (s: { ms: number } | null) => (s ? formatSpan(s.ms) : '—');
const orDash = (s: string) => s.trim() || '—';
const FACTOR_LABEL = Object.fromEntries(FACTOR_TAGS.map((t) => [t, t.replace('-', ' ')]));

/** Everything both renderings show, in one place, so the Markdown and the HTML never disagree. */
export function postmortemSections(state: IncidentState, now: Millis, zone: TimeZone) {
  const utc = timeIn(zone);
  const pm = state.postmortem;
  const clocks = incidentClocks(state, now);
  const t = state.timestamps;
  const prose = {
    summary: orDash(pm.summary || state.summary),
    rootCause: orDash(pm.rootCause) + (pm.rootCauseCategory ? ` (${FACTOR_LABEL[pm.rootCauseCategory]})` : ''),
    wentWell: orDash(pm.wentWell),
    couldImprove: orDash(pm.couldImprove),
  };
  const placeable = placeableArtefacts(state);
  return {
    title: `Post-mortem: ${state.title}`,
    facts: [
      ['Incident', state.id],
      ['Severity', state.severity],
      ['Status', STATUS_LABELS[state.status]],
      ['Impact started', utc(t.impactStartedAt)],
      ['Detected', utc(t.detectedAt)],
      ['Mitigated', utc(t.mitigatedAt)],
      ['Resolved', utc(t.resolvedAt)],
      ['Review', pm.reviewHeldAt ? `held ${utc(pm.reviewHeldAt)}` : pm.reviewAt ? `scheduled ${utc(pm.reviewAt)}` : 'not scheduled'],
      ['Times', `${describeZone(now, zone)}, written as ISO-8601 with their offset`],
    ] as Array<[string, string]>,
    summary: prose.summary,
    impact: [
      ['Users affected', orDash(pm.impactUsers)],
      ['Duration', span(clocks.ttr ?? clocks.elapsed)],
      ['Services', orDash(pm.impactServices || state.tags.join(', '))],
      ['SLA / SLO breach', orDash(pm.slaBreach)],
    ] as Array<[string, string]>,
    timeline: reviewTimeline(state).filter((r) => r.included),
    rootCause: prose.rootCause,
    fiveWhys: pm.fiveWhys.filter((w) => w.trim()),
    factors: pm.factors.map((f) => `[${FACTOR_LABEL[f.tag]}] ${f.text}`),
    wentWell: prose.wentWell,
    couldImprove: prose.couldImprove,
    /** Artefacts a `[[artefact:ID]]` token may show, and the section that shows each one placed. */
    placeable,
    placed: placementsOf(prose, placeable),
    actions: state.actionItems,
    metrics: [
      ['Time to detect', span(clocks.ttd)],
      ['Time to acknowledge', span(clocks.tta)],
      ['Time to mitigate', span(clocks.ttm)],
      ['Time to resolve', span(clocks.ttr)],
      ['Updates sent', String(state.updates.length)],
    ] as Array<[string, string]>,
  };
}

/** Our own kind label before an entry's text, e.g. `[decision] `; the kind is from a fixed list. */
const kindLabel = (kind: string) => (kind === 'note' || kind === 'system' ? '' : `[${kind}] `);

/**
 * Every piece of user text goes through `mdText`, `mdBlock`, `mdHeading` or `mdLink` (see
 * markdown.ts); the only links of our own are to the bundle's `attachments/` (`paths`).
 */
export function postmortemMarkdown(state: IncidentState, now: Millis, zone: TimeZone, paths: ArtefactPaths = {}): string {
  const s = postmortemSections(state, now, zone);
  const utc = timeIn(zone);
  const item = ([k, v]: [string, string]) => `- **${k}:** ${mdText(v)}`;
  const prose = (text: string) =>
    splitPlacements(text, s.placeable)
      .map((p) => (p.kind === 'text' ? mdBlock(p.text) : placedMarkdown(p, paths, utc)))
      .filter((block) => block !== '')
      .join('\n\n') || '—';
  const out = [`# ${mdHeading(s.title)}`, '', ...(state.drill ? [`**${DRILL_BANNER}**`, ''] : []), ...s.facts.map(item), '', '## Summary', '', prose(s.summary), '', '## Impact', ''];
  out.push(...s.impact.map(item), '', '## Timeline', '', '| Time | Who | What | Note |', '| --- | --- | --- | --- |');
  for (const r of s.timeline) out.push(`| ${utc(r.at)} | ${mdText(r.who)} | ${kindLabel(r.kind)}${mdText(r.text)} | ${mdText(r.annotation)} |`);
  out.push('', '## Root cause', '', prose(s.rootCause), '', '## Five whys', '');
  out.push(...(s.fiveWhys.length ? s.fiveWhys.map((w, i) => `${i + 1}. ${mdText(w)}`) : ['—']));
  out.push('', '## Contributing factors', '', ...(s.factors.length ? s.factors.map((f) => `- ${mdText(f)}`) : ['—']));
  out.push('', '## What went well', '', prose(s.wentWell), '', '## What could be improved', '', prose(s.couldImprove), '', '## Action items', '');
  if (s.actions.length) {
    out.push('| Action | Owner | Due | Priority | Status |', '| --- | --- | --- | --- | --- |');
    for (const a of s.actions) {
      const link = a.link.trim() ? ` (${mdLink(a.link)})` : '';
      out.push(`| ${mdText(a.title)}${link} | ${mdText(a.owner || '—')} | ${mdText(a.dueDate ?? '—')} | ${mdText(a.priority)} | ${mdText(a.status)} |`);
    }
  } else out.push('—');
  out.push('', '## Metrics', '', ...s.metrics.map(item), '');
  return out.join('\n');
}

/** A placed artefact as its own paragraph: an image, a link to the file, or why there is neither. */
function placedMarkdown(part: Extract<ProsePart, { kind: 'artefact' }>, paths: ArtefactPaths, time: (ms: Millis) => string): string {
  const a = part.artefact;
  if (!a) return mdText(notFoundMarker(part.token));
  const when = `${time(a.at)} by ${a.by}`;
  const path = pathOf(a, paths);
  if (!path) return `${mdText(`${a.name} — ${when}`)} (file not in this copy)`;
  const name = mdText(a.name);
  return a.mime.startsWith('image/') ? `![${name}](${path})\\\n${mdText(`${a.name} — ${when}`)}` : `[${name}](${path}) — ${mdText(when)}`;
}

/** The file's place beside the document, if the caller gave one of the only shape we link to. */
function pathOf(a: ArtefactRecord, paths: ArtefactPaths): string | null {
  // Own keys only: an artefact id such as "constructor" is not a path.
  const path = Object.hasOwn(paths, a.id) ? paths[a.id] : undefined;
  return isAttachmentPath(path) ? path : null;
}

const CSS = `body{font:14px/1.5 -apple-system,"Segoe UI",Roboto,sans-serif;color:#111;max-width:60rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}.k{font-family:ui-monospace,monospace;font-size:12px;color:#555;white-space:nowrap}
figure{margin:.8rem 0}figure img{max-width:100%;border:1px solid #ccc}figcaption{font-size:12px;color:#444}
pre{font:12px/1.4 ui-monospace,monospace;background:#f6f6f6;border:1px solid #ddd;padding:.4rem .6rem;margin:0 0 .2rem;white-space:pre-wrap;overflow-wrap:anywhere}
.missing{color:#a40000;font-weight:600}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,figure{break-inside:avoid}}`;

/** Where each artefact's file sits beside the HTML (`attachments/…` in a bundle), by artefact id. */
export type ArtefactPaths = Readonly<Record<string, string>>;

/** A text artefact's first lines (`snippetExcerpt`), shown where it is placed, by artefact id. */
export type ArtefactExcerpts = Readonly<Record<string, string>>;

/** An image artefact's bytes as a `data:` URL, for a printout with no folder beside it, by artefact id. */
export type InlineImages = Readonly<Record<string, string>>;

/** What the HTML can show of the incident's files: beside it (a bundle), or inside it (a printout). */
export interface PostmortemFiles {
  paths?: ArtefactPaths;
  excerpts?: ArtefactExcerpts;
  images?: InlineImages;
}

// Raster types only, the ones sniffing lets in: an image element never runs what it shows, and
// SVG (which can carry script when opened on its own) is never one of them.
const INLINE_MIMES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** The artefact types a page may carry inside itself as images. */
export const isInlineImage = (mime: string) => INLINE_MIMES.has(mime);

/** The artefact's inline image, only as a whole base64 `data:` URL of its own raster type. */
function inlineOf(a: ArtefactRecord, images: InlineImages): string | null {
  const url = Object.hasOwn(images, a.id) ? images[a.id] : undefined;
  if (url === undefined || !isInlineImage(a.mime)) return null;
  const prefix = `data:${a.mime};base64,`;
  if (!url.startsWith(prefix)) return null;
  const body = url.slice(prefix.length);
  return body.length > 0 && body.length % 4 === 0 && isBase64(body) ? url : null;
}

/**
 * Self-contained, printable, readable with no app: no scripts, no external assets — but for the
 * incident's own files, shown from the bundle's `attachments/` folder when `paths` names them,
 * or from inside the page when `images` holds them: where a `[[artefact:ID]]` token places them,
 * and the rest at the end.
 */
export function postmortemHtml(state: IncidentState, now: Millis, zone: TimeZone, files: PostmortemFiles = {}): string {
  const { paths = {}, images = {} } = files;
  const s = postmortemSections(state, now, zone);
  const utc = timeIn(zone);
  const e = escapeHtml;
  const dl = (rows: Array<[string, string]>) => `<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`;
  const list = (items: string[], tag = 'ul') => (items.length ? `<${tag}>${items.map((i) => `<li>${e(i)}</li>`).join('')}</${tag}>` : '<p>—</p>');
  const para = (text: string) => text.split(/\n{2,}/).map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`).join('');
  // A token cuts its paragraph: a figure is a block of its own, never inside a <p>.
  const prose = (text: string) =>
    splitPlacements(text, s.placeable)
      .map((p) => (p.kind === 'text' ? (p.text.trim() ? para(p.text.trim()) : '') : placedHtml(p, files, utc)))
      .join('') || '<p>—</p>';
  const timeline = s.timeline.length
    ? `<table><thead><tr><th>Time</th><th>Who</th><th>What</th><th>Note</th></tr></thead><tbody>${s.timeline
        .map((r) => `<tr><td class="k">${e(utc(r.at))}</td><td>${e(r.who)}</td><td>${r.kind === 'note' || r.kind === 'system' ? '' : `<b>${e(r.kind)}</b> `}${e(r.text)}</td><td>${e(r.annotation)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>—</p>';
  const actions = s.actions.length
    ? `<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Priority</th><th>Status</th></tr></thead><tbody>${s.actions
        .map((a) => `<tr><td>${e(a.title)}${a.link ? ` <span class="k">${e(a.link)}</span>` : ''}</td><td>${e(a.owner || '—')}</td><td>${e(a.dueDate ?? '—')}</td><td>${e(a.priority)}</td><td>${e(a.status)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>—</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${e(s.title)}</title><style>${CSS}</style></head><body>
<h1>${e(s.title)}</h1>${state.drill ? `<p><strong>${e(DRILL_BANNER)}</strong></p>` : ''}${dl(s.facts)}
<h2>Summary</h2>${prose(s.summary)}
<h2>Impact</h2>${dl(s.impact)}
<h2>Timeline</h2>${timeline}
<h2>Root cause</h2>${prose(s.rootCause)}
<h2>Five whys</h2>${list(s.fiveWhys, 'ol')}
<h2>Contributing factors</h2>${list(s.factors)}
<h2>What went well</h2>${prose(s.wentWell)}
<h2>What could be improved</h2>${prose(s.couldImprove)}
<h2>Action items</h2>${actions}
<h2>Metrics</h2>${dl(s.metrics)}
${artefactsHtml(state, paths, images, s.placed, utc)}
</body></html>
`;
}

/** One placed artefact, where the token stood: an image, a snippet's first lines, a link, or a visible "not found". */
function placedHtml(part: Extract<ProsePart, { kind: 'artefact' }>, files: PostmortemFiles, time: (ms: Millis) => string): string {
  const e = escapeHtml;
  const a = part.artefact;
  if (!a) return `<p class="missing">${e(notFoundMarker(part.token))}</p>`;
  const path = pathOf(a, files.paths ?? {});
  const when = `${e(time(a.at))} by ${e(a.by)}`;
  const caption = `${e(a.name)} — ${when}`;
  const absent = `<figure><figcaption>${caption} <span class="k">(file not in this copy)</span></figcaption></figure>`;
  const link = path ? `<a href="${e(path)}">${e(a.name)}</a>` : e(a.name);
  if (a.mime.startsWith('image/')) {
    const src = inlineOf(a, files.images ?? {}) ?? path;
    return src ? `<figure><img src="${e(src)}" alt="${e(a.name)}"><figcaption>${caption}</figcaption></figure>` : absent;
  }
  const excerpts = files.excerpts ?? {};
  const excerpt = a.mime === 'text/plain' && Object.hasOwn(excerpts, a.id) ? snippetExcerpt(excerpts[a.id]!) : '';
  if (!path && !excerpt) return absent;
  if (a.mime === 'text/plain') return `<figure>${excerpt ? `<pre>${e(excerpt)}</pre>` : ''}<figcaption>${link} — ${when}</figcaption></figure>`;
  return `<p>${link} (${e(a.mime)}, ${a.size} bytes) — ${when}</p>`;
}

/**
 * Every artefact the copy carries, with its hash: those placed in a section named with where
 * they stand, the others shown here (screenshots) or linked (other files).
 */
function artefactsHtml(state: IncidentState, paths: ArtefactPaths, images: InlineImages, placed: ReadonlyMap<string, PlaceableSection>, time: (ms: Millis) => string): string {
  const listed = state.artefacts.filter((a) => pathOf(a, paths) || inlineOf(a, images));
  if (listed.length === 0) return '';
  const e = escapeHtml;
  const items = listed.map((a) => {
    const path = pathOf(a, paths);
    const caption = `${e(a.name)} — ${e(time(a.at))} by ${e(a.by)} <span class="k">sha-256 ${e(a.hash)}</span>`;
    const section = placed.get(a.id);
    if (section) return `<p>${caption} — placed in ${e(PLACEABLE_SECTION_TITLES[section])}</p>`;
    const src = inlineOf(a, images) ?? path;
    if (a.mime.startsWith('image/') && src) return `<figure><img src="${e(src)}" alt="${e(a.name)}" style="max-width:100%;border:1px solid #ccc"><figcaption>${caption}</figcaption></figure>`;
    return path ? `<p><a href="${e(path)}">${e(a.name)}</a> (${e(a.mime)}, ${a.size} bytes) — ${caption}</p>` : `<p>${caption}</p>`;
  });
  return `<h2>Artefacts</h2>${items.join('')}`;
}
