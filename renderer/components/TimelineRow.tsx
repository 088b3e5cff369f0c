import { memo } from 'react';
import type { RoleKey, TimelineEntry } from '../../shared/domain/incident';
import { ROLE_LABELS } from '../../shared/domain/incident';
import { formatClock, formatUtc } from '../lib/time';
import { KindTag } from './KindTag';

interface Props {
  entry: TimelineEntry;
  /** Set when this row starts a new local day. */
  day: string | null;
}

function tooltip(entry: TimelineEntry): string {
  const happened = formatUtc(entry.at);
  return entry.loggedAt === entry.at ? happened : `${happened} (logged ${formatUtc(entry.loggedAt)})`;
}

/** Whom the line is about or from when the scribe said so, else who wrote it. */
function byline(entry: TimelineEntry): { label: string; title: string } {
  const attribution = entry.attribution;
  if (!attribution) return { label: entry.actor, title: `Logged by ${entry.actor}` };
  const label = ROLE_LABELS[attribution as RoleKey] ?? attribution;
  return { label, title: `${label} — logged by ${entry.actor}` };
}

/** Entries are replaced, never changed, so a row redraws only when its entry does. */
export const TimelineRow = memo(function TimelineRow({ entry, day }: Props) {
  const by = byline(entry);
  const classes = ['tl-line'];
  if (entry.kind === 'system') classes.push('is-system');
  if (entry.struck) classes.push('is-struck');
  if (entry.pinned) classes.push('is-pinned');
  return (
    <>
      {day && <div className="tl-day">{day}</div>}
      <div className={classes.join(' ')}>
        <time className="tl-time" dateTime={new Date(entry.at).toISOString()} title={tooltip(entry)}>
          {formatClock(entry.at)}
        </time>
        <KindTag kind={entry.kind} />
        <span className="tl-actor" title={by.title}>
          {by.label}
        </span>
        <p className="tl-text">
          {entry.pinned && (
            <span className="tl-mark tl-pin" title="Pinned">
              Pinned
            </span>
          )}
          <span className="tl-words">{entry.text}</span>
          {entry.revisions.length > 0 && (
            <span className="tl-mark" title={`Amended ${entry.revisions.length}×; earlier versions are kept`}>
              edited
            </span>
          )}
          {entry.struck && (
            <span className="tl-mark tl-struck" title={`Struck by ${entry.struck.actor} at ${formatUtc(entry.struck.at)}`}>
              struck: {entry.struck.reason}
            </span>
          )}
        </p>
      </div>
    </>
  );
});
