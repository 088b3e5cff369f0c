import { strToU8 } from 'fflate';
import { incidentClocks } from '../../../shared/domain/clocks';
import type { IncidentState, Millis } from '../../../shared/domain/incident';
import { activityLog } from '../../../shared/domain/review/activity-log';
import { toCsv } from '../../../shared/domain/review/csv';
import { postmortemHtml, postmortemMarkdown } from '../../../shared/domain/review/postmortem-render';
import { reviewTimeline } from '../../../shared/domain/review/review-timeline';
import { timestampProblems } from '../../../shared/metrics/timestamps';
import { formatIso } from '../../../shared/time/format';
import type { TimeZone } from '../../../shared/time/zone';
import { markDrill } from '../../../shared/drills/marking';
import { RESPONDERS_FILE } from '../../../shared/metrics/responders-file';
import { snippetHeads } from './print-files';

export const BUNDLE_FORMAT = 'command-post-bundle';
export const JOURNAL_NAME = 'incident.jsonl';

/** An artefact's file as the bundle carries it. */
export interface BundledArtefact {
  id: string;
  path: string;
  bytes: Uint8Array;
}

/**
 * Every file of a post-mortem bundle, by path inside the zip. Times are ISO-8601 with the offset
 * of `zone` (the operator's), so a reader anywhere knows both the wall clock and the instant.
 * `responders` is the private file's text (see responders-file.ts), only when the exporter asked
 * for it; without it the bundle holds nothing about responders' hours, not even a manifest key.
 */
export function bundleFiles(
  state: IncidentState,
  journal: Uint8Array,
  eventCount: number,
  now: Millis,
  zone: TimeZone,
  pdf?: Uint8Array,
  artefacts: readonly BundledArtefact[] = [],
  responders?: string,
): Record<string, Uint8Array> {
  const iso = (ms: Millis | null) => (ms === null ? '' : formatIso(ms, zone));
  const files: Record<string, Uint8Array> = {};
  const text = (path: string, content: string) => {
    files[path] = strToU8(content);
  };
  const byId = new Map(state.timeline.map((e) => [e.id, e]));
  const paths = Object.fromEntries(artefacts.map((a) => [a.id, a.path]));
  text('postmortem.md', postmortemMarkdown(state, now, zone, paths));
  text('postmortem.html', postmortemHtml(state, now, zone, { paths, excerpts: snippetHeads(state, artefacts) }));
  for (const a of artefacts) files[a.path] = a.bytes;
  if (pdf) files['postmortem.pdf'] = pdf;
  text(
    'timeline.csv',
    toCsv(
      ['time', 'logged_at', 'kind', 'who', 'text', 'in_postmortem', 'annotation', 'pinned', 'struck', 'workstream', 'entry_id'],
      reviewTimeline(state).map((r) => {
        const e = byId.get(r.entryId);
        return [iso(r.at), iso(e?.loggedAt ?? null), r.kind, r.who, r.text, r.included, r.annotation, e?.pinned ?? false, r.struck, e?.workstreamId ?? '', r.entryId];
      }),
    ),
  );
  text(
    'activity-log.csv',
    toCsv(
      ['role', 'name', 'from', 'to', 'time', 'kind', 'activity'],
      activityLog(state).flatMap((s) =>
        s.activities.length === 0
          ? [[s.role, s.name, iso(s.from), iso(s.to), '', '', '']]
          : s.activities.map((a) => [s.role, s.name, iso(s.from), iso(s.to), iso(a.at), a.kind, a.text]),
      ),
    ),
  );
  state.updates.forEach((u, i) => {
    const header = [
      `Audience: ${u.audience}`,
      `Kind: ${u.kind}`,
      `Sent: ${iso(u.sentAt)} by ${u.sentBy}`,
      `Channel: ${u.channel}`,
      `Recipients: ${u.recipients || '—'}`,
      `Approved: ${u.approvedBy ? `${u.approvedBy} at ${iso(u.approvedAt)}` : 'not required'}`,
      `Due: ${u.dueAt === null ? '—' : `${iso(u.dueAt)}${u.sentAt > u.dueAt ? ' (late)' : ' (on time)'}`}`,
    ].join('\n');
    text(`updates/${String(i + 1).padStart(3, '0')}-${u.audience}-${u.kind}.txt`, `${markDrill(state, `${header}\n\n${u.body}`)}\n`);
  });
  text(
    'action-items.csv',
    toCsv(
      ['title', 'owner', 'due_date', 'priority', 'status', 'link', 'created_at'],
      state.actionItems.map((a) => [a.title, a.owner, a.dueDate ?? '', a.priority, a.status, a.link, iso(a.createdAt)]),
    ),
  );
  const clocks = incidentClocks(state, now);
  const ms = (s: { ms: number; running: boolean } | null) => (s ? { ms: s.ms, running: s.running } : null);
  text(
    'metrics.json',
    `${JSON.stringify(
      {
        incidentId: state.id,
        drill: state.drill !== null,
        severity: state.severity,
        status: state.status,
        timeZone: zone,
        timestamps: Object.fromEntries(Object.entries(state.timestamps).map(([k, v]) => [k, iso(v) || null])),
        ttdMs: ms(clocks.ttd),
        ttaMs: ms(clocks.tta),
        ttmMs: ms(clocks.ttm),
        ttrMs: ms(clocks.ttr),
        timestampProblems: timestampProblems(state.timestamps),
        updatesSent: state.updates.length,
        updatesLate: state.updates.filter((u) => u.dueAt !== null && u.sentAt > u.dueAt).length,
        deadlinesMissed: state.missed.length,
        pages: state.escalation.pages.length,
        timelineEntries: state.timeline.length,
        actionItems: state.actionItems.length,
      },
      null,
      2,
    )}\n`,
  );
  files[JOURNAL_NAME] = journal;
  if (responders !== undefined) text(RESPONDERS_FILE, responders);
  // Marked private and derived, so whoever unpacks the bundle knows not to pass it on, and an
  // import knows not to trust it (it reads only the journal and the attachments).
  const privateFiles = responders === undefined ? {} : { responders: { path: RESPONDERS_FILE, private: true, derived: true } };
  text(
    'manifest.json',
    `${JSON.stringify({ format: BUNDLE_FORMAT, version: 1, incidentId: state.id, title: state.title, ...(state.drill ? { drill: { scenario: state.drill.scenario.name, facilitator: state.drill.facilitator } } : {}), events: eventCount, attachments: state.artefacts.filter((a) => Object.hasOwn(paths, a.id)).map((a) => ({ path: paths[a.id], sha256: a.hash, size: a.size, mime: a.mime, name: a.name })), ...privateFiles, exportedAt: iso(now), timeZone: zone }, null, 2)}\n`,
  );
  return files;
}
