import { formatSpan, incidentClocks } from '../clocks';
import { escapeHtml } from '../drafts/export';
import { FACTOR_TAGS, type IncidentState, type Millis } from '../incident';
import { mdBlock, mdHeading, mdLink, mdText } from '../markdown';
import { STATUS_LABELS } from '../lifecycle';
import { describeZone, formatIsoMinute } from '../../time/format';
import type { TimeZone } from '../../time/zone';
import { reviewTimeline } from './review-timeline';
import { DRILL_BANNER } from '../../drills/marking';

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
    summary: orDash(pm.summary || state.summary),
    impact: [
      ['Users affected', orDash(pm.impactUsers)],
      ['Duration', span(clocks.ttr ?? clocks.elapsed)],
      ['Services', orDash(pm.impactServices || state.tags.join(', '))],
      ['SLA / SLO breach', orDash(pm.slaBreach)],
    ] as Array<[string, string]>,
    timeline: reviewTimeline(state).filter((r) => r.included),
    rootCause: orDash(pm.rootCause) + (pm.rootCauseCategory ? ` (${FACTOR_LABEL[pm.rootCauseCategory]})` : ''),
    fiveWhys: pm.fiveWhys.filter((w) => w.trim()),
    factors: pm.factors.map((f) => `[${FACTOR_LABEL[f.tag]}] ${f.text}`),
    wentWell: orDash(pm.wentWell),
    couldImprove: orDash(pm.couldImprove),
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

/** Every piece of user text goes through `mdText`, `mdBlock`, `mdHeading` or `mdLink` (see markdown.ts). */
export function postmortemMarkdown(state: IncidentState, now: Millis, zone: TimeZone): string {
  const s = postmortemSections(state, now, zone);
  const utc = timeIn(zone);
  const item = ([k, v]: [string, string]) => `- **${k}:** ${mdText(v)}`;
  const out = [`# ${mdHeading(s.title)}`, '', ...(state.drill ? [`**${DRILL_BANNER}**`, ''] : []), ...s.facts.map(item), '', '## Summary', '', mdBlock(s.summary), '', '## Impact', ''];
  out.push(...s.impact.map(item), '', '## Timeline', '', '| Time | Who | What | Note |', '| --- | --- | --- | --- |');
  for (const r of s.timeline) out.push(`| ${utc(r.at)} | ${mdText(r.who)} | ${kindLabel(r.kind)}${mdText(r.text)} | ${mdText(r.annotation)} |`);
  out.push('', '## Root cause', '', mdBlock(s.rootCause), '', '## Five whys', '');
  out.push(...(s.fiveWhys.length ? s.fiveWhys.map((w, i) => `${i + 1}. ${mdText(w)}`) : ['—']));
  out.push('', '## Contributing factors', '', ...(s.factors.length ? s.factors.map((f) => `- ${mdText(f)}`) : ['—']));
  out.push('', '## What went well', '', mdBlock(s.wentWell), '', '## What could be improved', '', mdBlock(s.couldImprove), '', '## Action items', '');
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

const CSS = `body{font:14px/1.5 -apple-system,"Segoe UI",Roboto,sans-serif;color:#111;max-width:60rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}.k{font-family:ui-monospace,monospace;font-size:12px;color:#555;white-space:nowrap}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}`;

/** Where each artefact's file sits beside the HTML (`attachments/…` in a bundle), by artefact id. */
export type ArtefactPaths = Readonly<Record<string, string>>;

/**
 * Self-contained, printable, readable with no app: no scripts, no external assets — but for the
 * incident's own images, shown from the bundle's `attachments/` folder when `paths` names them.
 */
export function postmortemHtml(state: IncidentState, now: Millis, zone: TimeZone, paths: ArtefactPaths = {}): string {
  const s = postmortemSections(state, now, zone);
  const utc = timeIn(zone);
  const e = escapeHtml;
  const dl = (rows: Array<[string, string]>) => `<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`;
  const list = (items: string[], tag = 'ul') => (items.length ? `<${tag}>${items.map((i) => `<li>${e(i)}</li>`).join('')}</${tag}>` : '<p>—</p>');
  const para = (text: string) => text.split(/\n{2,}/).map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`).join('');
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
<h2>Summary</h2>${para(s.summary)}
<h2>Impact</h2>${dl(s.impact)}
<h2>Timeline</h2>${timeline}
<h2>Root cause</h2>${para(s.rootCause)}
<h2>Five whys</h2>${list(s.fiveWhys, 'ol')}
<h2>Contributing factors</h2>${list(s.factors)}
<h2>What went well</h2>${para(s.wentWell)}
<h2>What could be improved</h2>${para(s.couldImprove)}
<h2>Action items</h2>${actions}
<h2>Metrics</h2>${dl(s.metrics)}
${artefactsHtml(state, paths, utc)}
</body></html>
`;
}

/** Screenshots shown, other artefacts named with their hash, each beside the time it was attached. */
function artefactsHtml(state: IncidentState, paths: ArtefactPaths, time: (ms: Millis) => string): string {
  // Own keys only: an artefact id such as "constructor" is not a path.
  const listed = state.artefacts.filter((a) => Object.hasOwn(paths, a.id));
  if (listed.length === 0) return '';
  const e = escapeHtml;
  const items = listed.map((a) => {
    const path = e(encodeURI(paths[a.id]!));
    const caption = `${e(a.name)} — ${e(time(a.at))} by ${e(a.by)} <span class="k">sha-256 ${e(a.hash)}</span>`;
    return a.mime.startsWith('image/')
      ? `<figure><img src="${path}" alt="${e(a.name)}" style="max-width:100%;border:1px solid #ccc"><figcaption>${caption}</figcaption></figure>`
      : `<p><a href="${path}">${e(a.name)}</a> (${e(a.mime)}, ${a.size} bytes) — ${caption}</p>`;
  });
  return `<h2>Artefacts</h2>${items.join('')}`;
}
