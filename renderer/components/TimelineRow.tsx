import { memo, useLayoutEffect, useRef } from 'react';
import type { ArtefactRecord, RoleKey, TimelineEntry } from '../../shared/domain/incident';
import { ROLE_LABELS } from '../../shared/domain/incident';
import { api } from '../api';
import { KIND_LABELS } from '../lib/labels';
import { formatClock, formatUtc } from '../lib/time';
import { openDialog, showNotice } from '../store/war-room-store';
import { ArtefactStrip } from './artefacts/ArtefactStrip';
import { attachToEntry } from './artefacts/attach-to-entry';
import { ClipIcon } from './icons';
import { KindTag } from './KindTag';
import { mayBeCut, ROW_HEIGHT } from './timeline-heights';

interface Props {
  entry: TimelineEntry;
  /** Set when this row starts a new local day. */
  day: string | null;
  incidentId: string;
  /** The workstream the line was logged against, by title. */
  workstream: string | null;
  /** A closed incident's lines can still be pinned, not amended or struck. */
  open: boolean;
  /** Opened to read a long entry in full (its height is then measured once). */
  opened: boolean;
  /** Open with the height measured, or close with null. */
  onToggle: (entryId: string, height: number | null) => void;
  /** The files attached to this entry, shown in a strip of fixed height under it. */
  artefacts: readonly ArtefactRecord[] | null;
}

function tooltip(entry: TimelineEntry): string {
  const happened = formatUtc(entry.at);
  return entry.loggedAt === entry.at ? happened : `${happened} (logged ${formatUtc(entry.loggedAt)})`;
}

/** Role names short enough for the column; the full name is in the tooltip. */
const SHORT_ROLE: Record<RoleKey, string> = {
  'incident-commander': 'IC',
  'technical-lead': 'Tech lead',
  'communications-lead': 'Comms lead',
  scribe: 'Scribe',
  'customer-liaison': 'Customer liaison',
  'executive-liaison': 'Exec liaison',
};

/** Whom the line is about or from when the scribe said so, else who wrote it. */
function byline(entry: TimelineEntry): { label: string; title: string } {
  const attribution = entry.attribution;
  if (!attribution) return { label: entry.actor, title: `Logged by ${entry.actor}` };
  // Own keys only: a person called "constructor" is a person, not Object's constructor.
  if (!Object.hasOwn(ROLE_LABELS, attribution)) return { label: attribution, title: `${attribution} — logged by ${entry.actor}` };
  const role = attribution as RoleKey;
  return { label: SHORT_ROLE[role], title: `${ROLE_LABELS[role]} — logged by ${entry.actor}` };
}

async function pin(incidentId: string, entry: TimelineEntry) {
  const result = await api.call('timeline.pin', { incidentId, entryId: entry.id, pinned: !entry.pinned });
  showNotice(result.ok ? null : result.error.message);
}

/** Entries are replaced, never changed, so a row redraws only when its entry does. */
export const TimelineRow = memo(function TimelineRow({ entry, day, incidentId, workstream, open, opened, onToggle, artefacts }: Props) {
  const by = byline(entry);
  const system = entry.kind === 'system';
  const body = useRef<HTMLDivElement>(null);
  const classes = ['tl-line'];
  if (system) classes.push('is-system');
  if (entry.struck) classes.push('is-struck');
  if (entry.pinned) classes.push('is-pinned');
  if (opened) classes.push('is-open');
  if (day) classes.push('is-new-day');
  if (artefacts) classes.push('has-files');

  // An opened row is measured once, after it is drawn open; the height is kept by entry id.
  useLayoutEffect(() => {
    if (opened && body.current) onToggle(entry.id, Math.max(ROW_HEIGHT, body.current.offsetHeight));
  }, [opened, entry, artefacts]);

  return (
    <div ref={body} className="tl-entry">
      <div className={classes.join(' ')}>
        <time className="tl-time" dateTime={new Date(entry.at).toISOString()} title={tooltip(entry)}>
          {formatClock(entry.at)}
        </time>
        <KindTag kind={entry.kind} />
        <span className="tl-actor" title={by.title}>
          {by.label}
        </span>
        <div className="tl-text">
          {day && (
            <span className="tl-mark tl-day" data-testid="timeline-day">
              {day}
            </span>
          )}
          {entry.pinned && (
            <span className="tl-mark tl-pin" title="Pinned">
              ★ Pinned
            </span>
          )}
          {workstream && (
            <span className="tl-mark tl-ws" title="Logged against this workstream">
              {workstream}
            </span>
          )}
          <span className="tl-words" dir="auto" title={opened ? undefined : entry.text.slice(0, 2000)}>
            {entry.text}
          </span>
          {entry.origin && (
            <span
              className="tl-mark tl-origin"
              data-testid="entry-origin"
              title={`Imported from ${entry.origin.file} (${entry.origin.source === 'bundle' ? 'a bundle' : 'a scribe log'}) by ${entry.origin.by} at ${formatUtc(entry.origin.at)}`}
            >
              imported · {entry.origin.file}
            </span>
          )}
          {entry.afterClose && (
            <span
              className="tl-mark tl-after-close"
              data-testid="entry-after-close"
              title="Written on another console while it was offline, after this incident had been closed here: kept on the record, and marked so nobody mistakes it for part of the response"
            >
              logged after close, on another console
            </span>
          )}
          {entry.revisions.length > 0 && (
            <span className="tl-mark" title={`Amended ${entry.revisions.length}×; earlier versions are kept below`}>
              edited
            </span>
          )}
          {entry.struck && (
            <span className="tl-mark tl-struck" title={`Struck by ${entry.struck.actor} at ${formatUtc(entry.struck.at)}`}>
              struck{entry.struck.reason ? `: ${entry.struck.reason}` : ''}
            </span>
          )}
        </div>
        <span className="tl-actions">
          {(opened || mayBeCut(entry)) && (
            <button
              type="button"
              className="tl-act"
              data-testid="entry-open"
              aria-expanded={opened}
              aria-label={opened ? 'Show one line' : 'Show in full'}
              title={opened ? 'Show one line' : 'Show the whole entry'}
              onClick={() => onToggle(entry.id, opened ? null : ROW_HEIGHT)}
            >
              {opened ? '▴' : '▾'}
            </button>
          )}
          <button
            type="button"
            className={`tl-act${entry.pinned ? ' is-on' : ''}`}
            data-testid="entry-pin"
            aria-pressed={entry.pinned}
            aria-label={entry.pinned ? 'Unpin' : 'Pin'}
            title={entry.pinned ? 'Unpin' : 'Pin as a key moment'}
            onClick={() => void pin(incidentId, entry)}
          >
            ★
          </button>
          {!system && !entry.struck && open && (
            <>
              <button type="button" className="tl-act" data-testid="entry-attach" aria-label="Attach a file…" title="Attach a file… (a screenshot, a PDF, a log)" onClick={() => void attachToEntry(incidentId, entry.id)}>
                <ClipIcon />
              </button>
              <button type="button" className="tl-act" data-testid="entry-amend" aria-label="Amend" title="Amend (the original stays in history)" onClick={() => openDialog({ kind: 'amend', entryId: entry.id })}>
                ✎
              </button>
              <button type="button" className="tl-act" data-testid="entry-strike" aria-label="Strike" title="Strike (stays visible, crossed out)" onClick={() => openDialog({ kind: 'strike', entryId: entry.id })}>
                ⌫
              </button>
            </>
          )}
        </span>
      </div>
      {entry.revisions.length > 0 && (
        <ol className="tl-revisions" data-testid="entry-revisions">
          {entry.revisions.map((r, i) => (
            <li key={i} dir="auto" title={`Replaced ${formatUtc(r.replacedAt)} by ${r.replacedBy}`}>
              <span className="tl-was">was{r.kind !== entry.kind ? ` (${KIND_LABELS[r.kind]})` : ''}:</span> {r.text}
            </li>
          ))}
        </ol>
      )}
      {artefacts && <ArtefactStrip incidentId={incidentId} artefacts={artefacts} />}
    </div>
  );
});
