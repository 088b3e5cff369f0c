import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { IncidentView } from '../../shared/contract/contract';
import { formatDay, localDayKey } from '../lib/time';
import { filterPositions, isEmptyFilter, TimelineFacets, type TimelineFilter } from '../lib/timeline-filter';
import { TimelineOrder } from '../lib/timeline-order';
import { clearFilter } from '../store/war-room-store';
import { TimelineFilters } from './war-room/TimelineFilters';
import { TimelineRow } from './TimelineRow';
import './Timeline.css';

interface Props {
  incident: IncidentView;
  /** Changes whenever the incident was changed in place. */
  version: number;
  filter: TimelineFilter;
}

/** How close to the end still counts as "at the bottom", in pixels. */
const STICK_SLACK = 32;

/**
 * Every entry, oldest first, virtualized so that 100 000 rows cost what 30 do. While the
 * reader is at the bottom it stays there as entries arrive; scrolling up stops following.
 * A filter is one pass over the already-sorted positions, redone only when the filter or the
 * timeline changes, never per row drawn.
 */
export function Timeline({ incident, version, filter }: Props) {
  const order = useRef(new TimelineOrder());
  const facetsRef = useRef(new TimelineFacets());
  const timeline = incident.timeline;
  const positions = order.current.sync(timeline);
  const facets = facetsRef.current.sync(timeline);
  const empty = isEmptyFilter(filter);
  const count = positions.length;
  const rows = useMemo(
    () => (empty ? positions : filterPositions(timeline, positions, filter)),
    // `version` and `count` stand for changes made in place to the timeline and its order.
    [empty, positions, timeline, filter, version, count],
  );
  const workstreamTitles = useMemo(() => new Map(incident.workstreams.map((w) => [w.id, w.title])), [incident.workstreams, version]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lastTop = useRef(0);
  const [following, setFollowing] = useState(true);

  const toBottom = () => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  };

  // An entry's place in the timeline array never changes, so it is a cheap, stable key. The
  // function keeps its identity while the rows do: a new one makes the virtualizer re-measure.
  const getItemKey = useCallback((index: number) => rows[index] ?? -1 - index, [rows]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 30,
    overscan: 12,
    getItemKey,
    // Rows measured taller than estimated grow the list; keep the end in view while following.
    onChange: () => {
      if (stick.current) toBottom();
    },
  });

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_SLACK;
    // Content growing never moves scrollTop up; only the reader does.
    if (nearBottom) stick.current = true;
    else if (el.scrollTop < lastTop.current - 1) stick.current = false;
    lastTop.current = el.scrollTop;
    setFollowing(stick.current);
  };

  useLayoutEffect(() => {
    stick.current = true;
    setFollowing(true);
  }, [incident.id, filter]);

  useLayoutEffect(() => {
    if (stick.current) toBottom();
  }, [incident.id, rows, version]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="timeline">
      <TimelineFilters incident={incident} filter={filter} facets={facets} shown={rows.length} total={count} />
      <div ref={scrollRef} className="tl-scroll" onScroll={onScroll} role="log" aria-label="Timeline entries" tabIndex={0}>
        <div className="tl-canvas" style={{ height: virtualizer.getTotalSize() }}>
          <div className="tl-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((item) => {
              const entry = timeline[rows[item.index]!]!;
              const previous = item.index > 0 ? timeline[rows[item.index - 1]!] : undefined;
              const newDay = !previous || localDayKey(previous.at) !== localDayKey(entry.at);
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className={`tl-row kind-row-${entry.kind}`}
                  data-testid="timeline-entry"
                  data-entry-id={entry.id}
                >
                  <TimelineRow
                    entry={entry}
                    day={newDay ? formatDay(entry.at) : null}
                    incidentId={incident.id}
                    workstream={entry.workstreamId ? (workstreamTitles.get(entry.workstreamId) ?? null) : null}
                    open={incident.status !== 'closed'}
                  />
                </div>
              );
            })}
          </div>
        </div>
        {rows.length === 0 && !empty && (
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
          className="btn tl-jump"
          onClick={() => {
            stick.current = true;
            setFollowing(true);
            toBottom();
          }}
        >
          Latest ↓
        </button>
      )}
    </div>
  );
}
