import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArtefactRecord, Workstream } from '../../shared/domain/incident';
import { formatDay, localDayKey } from '../lib/time';
import { isEmptyFilter, type TimelineFilter } from '../lib/timeline-filter';
import { useOpenIncident } from '../store/open-incident-store';
import { setTimelineFilter, showRange } from '../store/timeline-pages';
import { atBefore, entryAt, useTimeline } from '../store/timeline-store';
import { clearFilter } from '../store/war-room-store';
import { extraHeights, heightsKey, ROW_HEIGHT } from './timeline-heights';
import { TimelineFilters } from './war-room/TimelineFilters';
import { TimelineRow } from './TimelineRow';
import './Timeline.css';

interface Props {
  incidentId: string;
  workstreams: readonly Workstream[];
  /** A closed incident's lines can still be pinned, not amended or struck. */
  open: boolean;
  filter: TimelineFilter;
}

const NO_ARTEFACTS: readonly ArtefactRecord[] = [];

/** Each entry's files, from the state's list (the timeline's pages do not carry them). */
function byEntry(artefacts: readonly ArtefactRecord[]): ReadonlyMap<string, readonly ArtefactRecord[]> {
  const map = new Map<string, ArtefactRecord[]>();
  for (const a of artefacts) {
    const list = map.get(a.entryId);
    if (list) list.push(a);
    else map.set(a.entryId, [a]);
  }
  return map;
}

/** How close to the end still counts as "at the bottom", in pixels. */
const STICK_SLACK = 32;

/**
 * The timeline as the engine pages it: the scrollbar is as long as the matching entries (the
 * count is known at once), rows are drawn from the pages loaded and asked for as they scroll
 * into view. Rows have known heights (timeline-heights.ts), so scrolling never measures. While
 * the reader is at the bottom it stays there as entries arrive; scrolled back, new entries are
 * announced below instead of moving the page.
 */
export const Timeline = memo(function Timeline({ incidentId, workstreams, open, filter }: Props) {
  const count = useTimeline((s) => s.count);
  const total = useTimeline((s) => s.total);
  const runs = useTimeline((s) => s.runs);
  const ready = useTimeline((s) => s.ready);
  const facets = useTimeline((s) => s.facets);
  const empty = isEmptyFilter(filter);
  const workstreamTitles = useMemo(() => new Map(workstreams.map((w) => [w.id, w.title])), [workstreams]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lastTop = useRef(0);
  const [following, setFollowing] = useState(true);
  /** The count when the reader scrolled away from the end: what arrived since is "new below". */
  const [countWhenLeft, setCountWhenLeft] = useState(0);
  const [opened, setOpened] = useState<ReadonlyMap<string, number>>(new Map());
  // The reducer replaces the list when a file is attached, so a new list means a change.
  const artefacts = useOpenIncident((s) => (s.incident?.id === incidentId ? s.incident.artefacts : NO_ARTEFACTS));
  const files = useMemo(() => byEntry(artefacts), [artefacts]);
  const withFiles = useMemo(() => new Set(files.keys()), [files]);

  const extras = useMemo(() => extraHeights(runs, opened, withFiles), [runs, opened, withFiles]);
  const extrasRef = useRef(extras);
  extrasRef.current = extras;
  const layoutKey = heightsKey(extras);

  useEffect(() => setTimelineFilter(incidentId, filter), [incidentId, filter]);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: useCallback((index: number) => ROW_HEIGHT + (extrasRef.current.get(index) ?? 0), []),
    overscan: 12,
    onChange: (instance) => {
      const range = instance.range;
      if (range) showRange(range.startIndex, range.endIndex, stick.current);
    },
  });

  // Heights change only when a loaded row is taller than one line, or one was opened or closed.
  useLayoutEffect(() => {
    virtualizer.measure();
  }, [layoutKey]);

  const toBottom = () => {
    const el = scrollRef.current;
    // The list's height is known without laying it out: no forced layout per arrival.
    if (el) el.scrollTop = virtualizer.getTotalSize();
  };

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_SLACK;
    // Content growing never moves scrollTop up; only the reader does.
    if (nearBottom) stick.current = true;
    else if (el.scrollTop < lastTop.current - 1) {
      if (stick.current) setCountWhenLeft(count);
      stick.current = false;
    }
    lastTop.current = el.scrollTop;
    setFollowing(stick.current);
  };

  useLayoutEffect(() => {
    stick.current = true;
    setFollowing(true);
  }, [incidentId, filter]);

  useLayoutEffect(() => {
    if (stick.current) toBottom();
  }, [incidentId, count, ready, layoutKey]);

  // Something appearing under the timeline (an offer, a prompt, files waiting) shortens it: a
  // reader at the bottom stays there.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => {
      if (stick.current) toBottom();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const toggleOpen = useCallback((entryId: string, height: number | null) => {
    setOpened((before) => {
      const next = new Map(before);
      if (height === null) next.delete(entryId);
      else next.set(entryId, height);
      return next;
    });
  }, []);

  const items = virtualizer.getVirtualItems();
  const arrived = following ? 0 : count - countWhenLeft;
  return (
    <div className="timeline">
      <TimelineFilters workstreams={workstreams} filter={filter} facets={facets} shown={count} total={total} />
      <div ref={scrollRef} className="tl-scroll" onScroll={onScroll} role="log" aria-label="Timeline entries" aria-busy={!ready} tabIndex={0}>
        <div className="tl-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {/* Each row placed on its own: a row that stays in view is not painted again as the list scrolls. */}
            {items.map((item) => {
              const entry = entryAt(runs, item.index);
              const place = { height: item.size, transform: `translateY(${item.start}px)` };
              if (!entry) return <div key={item.key} className="tl-row is-loading" style={place} aria-hidden="true" data-testid="timeline-placeholder" />;
              const before = atBefore(runs, item.index);
              const newDay = before === null || (before !== undefined && localDayKey(before) !== localDayKey(entry.at));
              return (
                <div key={item.key} className={`tl-row kind-row-${entry.kind}`} style={place} data-testid="timeline-entry" data-entry-id={entry.id} data-position={item.index}>
                  <TimelineRow
                    entry={entry}
                    day={newDay ? formatDay(entry.at) : null}
                    incidentId={incidentId}
                    workstream={entry.workstreamId ? (workstreamTitles.get(entry.workstreamId) ?? null) : null}
                    open={open}
                    opened={opened.has(entry.id)}
                    onToggle={toggleOpen}
                    artefacts={files.get(entry.id) ?? null}
                  />
                </div>
              );
            })}
        </div>
        {ready && count === 0 && !empty && (
          <p className="tl-nothing">
            No entries match these filters.{' '}
            <button type="button" className="link-button" onClick={clearFilter}>
              Show everything
            </button>
          </p>
        )}
      </div>
      {!following && (
        <button
          type="button"
          className={`btn tl-jump${arrived > 0 ? ' has-new' : ''}`}
          data-testid={arrived > 0 ? 'timeline-new-below' : 'timeline-latest'}
          onClick={() => {
            stick.current = true;
            setFollowing(true);
            showRange(Math.max(0, count - 1), Math.max(0, count - 1), true);
            toBottom();
          }}
        >
          {arrived > 0 ? `${arrived.toLocaleString()} new ${arrived === 1 ? 'entry' : 'entries'} below ↓` : 'Latest ↓'}
        </button>
      )}
    </div>
  );
});
