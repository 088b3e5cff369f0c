import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import type { ReviewRow } from '../../../shared/domain/review/review-timeline';
import { reviewTimeline } from '../../../shared/domain/review/review-timeline';
import { formatClock, formatDay, formatUtc, localDayKey } from '../../lib/time';
import { KindTag } from '../KindTag';
import { FieldStatus, savePostmortem, usePostmortemField } from './fields';
import { reportSave } from './save-status-store';
import { useAutosave } from './use-autosave';

type Show = 'all' | 'included';

interface Props {
  incident: IncidentView;
  version: number;
}

/**
 * The journal as the review tells it: decisions, mitigations, status and severity changes and
 * updates sent are in by default; the author prunes and annotates here, and the journal
 * itself never changes. Virtualized, so a 100 000-entry incident costs what a short one does.
 */
export function ReviewTimeline({ incident, version }: Props) {
  // The reducer changes the incident in place; the version says when to read it again.
  const rows = useMemo(() => reviewTimeline(incident), [incident, version]);
  const included = useMemo(() => rows.filter((r) => r.included).length, [rows]);
  const [show, setShow] = useState<Show>('all');
  const shown = useMemo(() => (show === 'all' ? rows : rows.filter((r) => r.included)), [rows, show]);
  const names = usePostmortemField(incident.id, incident.postmortem, 'showNames', 'Show names');
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 10,
    getItemKey: (index) => shown[index]?.entryId ?? index,
  });
  const items = virtualizer.getVirtualItems();

  return (
    <section className="rt" aria-label="Post-mortem timeline" data-testid="pm-timeline">
      <header className="rt-head">
        <div className="rt-head-line">
          <h2 className="pm-section-title">Timeline</h2>
          <span className="rt-count" data-testid="pm-timeline-count">
            {included.toLocaleString()} of {rows.length.toLocaleString()} entries included
          </span>
        </div>
        <div className="rt-head-line">
          <div className="seg rt-seg" role="radiogroup" aria-label="Entries shown">
            {(
              [
                ['all', 'All entries'],
                ['included', 'Included only'],
              ] as const
            ).map(([value, label]) => (
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={show === value}
                className={`seg-btn${show === value ? ' is-on' : ''}`}
                data-testid={`pm-timeline-show-${value}`}
                onClick={() => setShow(value)}
              >
                {label}
              </button>
            ))}
          </div>
          <label className="rt-names" title="Blameless by default: the timeline names roles. Names are shown only if you choose.">
            <input type="checkbox" data-testid="pm-show-names" checked={names.draft} onChange={(e) => names.commit(e.target.checked)} />
            Show names
          </label>
          <FieldStatus status={names.status} />
        </div>
      </header>
      <div ref={scrollRef} className="rt-scroll" tabIndex={0} aria-label="Timeline entries">
        {shown.length === 0 ? (
          <p className="empty-note rt-empty">{show === 'included' ? 'No entry is included yet. Show all entries and tick the ones the story needs.' : 'Nothing on the timeline.'}</p>
        ) : (
          <div className="rt-canvas" style={{ height: virtualizer.getTotalSize() }}>
            <div className="rt-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
              {items.map((item) => {
                const row = shown[item.index]!;
                const previous = item.index > 0 ? shown[item.index - 1] : undefined;
                const newDay = !previous || localDayKey(previous.at) !== localDayKey(row.at);
                return (
                  <div key={item.key} data-index={item.index} ref={virtualizer.measureElement}>
                    {newDay && <div className="rt-day">{formatDay(row.at)}</div>}
                    <ReviewTimelineRow incidentId={incident.id} row={row} />
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

function ReviewTimelineRow({ incidentId, row }: { incidentId: string; row: ReviewRow }) {
  const [pendingInclude, setPendingInclude] = useState<boolean | null>(null);
  const included = pendingInclude ?? row.included;
  const includedRef = useRef(included);
  includedRef.current = included;
  const note = useAutosave<string>({
    saveKey: `${incidentId}:note:${row.entryId}`,
    label: 'Timeline note',
    value: row.annotation,
    save: (annotation) => savePostmortem(incidentId, { timelineEdit: { entryId: row.entryId, included: includedRef.current, annotation } }),
  });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (pendingInclude !== null && row.included === pendingInclude) setPendingInclude(null);
  }, [row.included, pendingInclude]);

  async function toggle() {
    const next = !included;
    setPendingInclude(next);
    const key = `${incidentId}:include:${row.entryId}`;
    reportSave(key, { state: 'saving' });
    const result = await savePostmortem(incidentId, { timelineEdit: { entryId: row.entryId, included: next, annotation: note.draft } });
    if (result.ok) {
      setError(null);
      reportSave(key, { state: 'saved', at: Date.now() });
    } else {
      setPendingInclude(null);
      setError(result.error.message);
      reportSave(key, { state: 'error', error: result.error, label: 'Timeline' });
    }
  }

  const showNote = included || note.draft !== '';
  return (
    <div className={`rt-row${included ? ' is-in' : ' is-out'}${row.struck ? ' is-struck' : ''}${row.kind === 'system' ? ' is-system' : ''}`} data-testid="pm-timeline-row" data-entry-id={row.entryId} data-included={included}>
      <label className="rt-check" title={included ? 'In the post-mortem: click to leave it out' : 'Left out: click to include it'}>
        <input type="checkbox" checked={included} onChange={() => void toggle()} data-testid="pm-timeline-include" aria-label={`Include: ${row.text}`} />
      </label>
      <span className="rt-time" title={formatUtc(row.at)}>
        {formatClock(row.at)}
      </span>
      <span className="rt-main">
        <span className="rt-line">
          <span className="rt-who" data-testid="pm-timeline-who">
            {row.who}
          </span>
          {row.kind !== 'note' && row.kind !== 'system' && <KindTag kind={row.kind} />}
          <span className="rt-text" dir="auto">{row.text}</span>
        </span>
        {showNote && (
          <input
            className={`rt-note${note.status?.state === 'error' ? ' has-error' : ''}`}
            data-testid="pm-timeline-note"
            aria-label="Note for the review"
            placeholder="Add a note for the review…"
            value={note.draft}
            onChange={(e) => note.change(e.target.value)}
            {...note.focusProps}
          />
        )}
        {(error || note.status?.state === 'error') && (
          <span className="field-status is-error" role="alert">
            Not saved: {error ?? (note.status?.state === 'error' ? note.status.error.message : '')}
          </span>
        )}
      </span>
    </div>
  );
}
