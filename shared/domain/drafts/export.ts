import { formatIso } from '../../time/format';
import type { TimeZone } from '../../time/zone';
import type { DraftKind, IncidentState, Millis, Severity } from '../incident';
import { mdBlock, mdText } from '../markdown';
import { GENERIC_PUBLIC_TITLE, publicStatus } from './values';
import { markDrill } from '../../drills/marking';
import { CommandFailure } from '../../contract/result';

export const DRAFT_FORMATS = ['txt', 'md', 'html', 'statuspage'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

const IMPACT: Record<Severity, 'critical' | 'major' | 'minor' | 'none'> = {
  SEV1: 'critical',
  SEV2: 'major',
  SEV3: 'minor',
  SEV4: 'none',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A self-contained page: no scripts, no external assets, prints cleanly. */
export function draftToHtml(title: string, body: string): string {
  const blocks = body.split(/\n{2,}/).map((block) => {
    const rows = block.split('\n');
    if (rows.every((r) => r.startsWith('- '))) return `<ul>${rows.map((r) => `<li>${escapeHtml(r.slice(2))}</li>`).join('')}</ul>`;
    return `<p>${rows.map(escapeHtml).join('<br>')}</p>`;
  });
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:15px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111}ul{padding-left:1.2rem}</style>',
    '</head><body>',
    ...blocks,
    '</body></html>',
    '',
  ].join('\n');
}

/**
 * The same reading of the text as `draftToHtml` (paragraphs, line breaks, "- " lists) in
 * Markdown, with every character the comms lead typed shown as typed: a pasted link or tag
 * stays text.
 */
export function draftToMarkdown(body: string): string {
  const blocks = body.split(/\n{2,}/).map((block) => {
    const rows = block.split('\n');
    if (rows.every((r) => r.startsWith('- '))) return rows.map((r) => `- ${mdText(r.slice(2))}`).join('\n');
    return mdBlock(block);
  });
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}

/**
 * The body Atlassian Statuspage's incident API takes (`POST /pages/{id}/incidents`). Its
 * `metadata` carries our times as ISO-8601 with the operator's offset, for whoever posts it.
 */
export function draftToStatuspage(state: IncidentState, body: string, now: Millis, zone: TimeZone) {
  const t = state.timestamps;
  const started = t.impactStartedAt ?? t.declaredAt ?? t.detectedAt;
  return {
    incident: {
      // The page's heading is read by customers: the impact they notice, never the internal title.
      name: state.publicImpact?.trim() || GENERIC_PUBLIC_TITLE,
      status: publicStatus(state),
      impact_override: IMPACT[state.severity],
      body,
      metadata: {
        command_post: {
          incident_id: state.id,
          ...(started === null ? {} : { started_at: formatIso(started, zone) }),
          ...(t.resolvedAt === null ? {} : { resolved_at: formatIso(t.resolvedAt, zone) }),
          drafted_at: formatIso(now, zone),
          time_zone: zone,
        },
      },
    },
  };
}

export interface ExportedDraft {
  fileName: string;
  mimeType: string;
  content: string;
}

export function exportDraft(state: IncidentState, kind: DraftKind, text: string, format: DraftFormat, now: Millis, zone: TimeZone): ExportedDraft {
  // A drill's export says DRILL in its name and on its first line, whatever was edited out.
  const body = markDrill(state, text);
  const base = `${state.id}${state.drill ? '-DRILL' : ''}-${kind}-update`;
  if (state.drill && format === 'statuspage') throw new CommandFailure('CONFLICT', 'A drill has no status page post: that format is for a real page. Export it as text, Markdown or HTML.');
  switch (format) {
    case 'txt':
      return { fileName: `${base}.txt`, mimeType: 'text/plain', content: `${body}\n` };
    case 'md':
      return { fileName: `${base}.md`, mimeType: 'text/markdown', content: draftToMarkdown(body) };
    case 'html':
      return { fileName: `${base}.html`, mimeType: 'text/html', content: draftToHtml(`${state.title} — ${kind} update`, body) };
    case 'statuspage':
      return {
        fileName: `${base}.statuspage.json`,
        mimeType: 'application/json',
        content: `${JSON.stringify(draftToStatuspage(state, body, now, zone), null, 2)}\n`,
      };
  }
}

/** Stable short hash of a draft's text: an approval holds for exactly the text approved. */
export function hashDraft(body: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
