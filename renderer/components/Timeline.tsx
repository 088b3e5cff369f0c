import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { IncidentView } from '../../shared/contract/contract';
import { formatDay, localDayKey } from '../lib/time';
import { TimelineOrder } from '../lib/timeline-order';
import { TimelineRow } from './TimelineRow';
import './Timeline.css';

interface Props {
  incident: IncidentView;
  /** Changes whenever the incident was changed in place. */
  version: number;
}

/** How close to the end still counts as "at the bottom", in pixels. */
const STICK_SLACK = 32;

/**
 * Every entry, oldest first, virtualized so that 100 000 rows cost what 30 do. While the
 * reader is at the bottom it stays there as entries arrive; scrolling up stops following.
 */
export function Timeline({ incident, version }: Props) {
  const order = useRef(new TimelineOrder());
  const timeline = incident.timeline;
  const rows = order.current.sync(timeline);
  const scrollRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lastTop = useRef(0);
  const [following, setFollowing] = useState(true);

  const toBottom = () => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  };

  // An entry's place in the timeline array never changes, so it is a cheap, stable key. The
  // function must keep its identity: a new one makes the virtualizer re-measure every row.
  const getItemKey = useCallback((index: number) => order.current.positions[index] ?? -1 - index, [timeline]);

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
  }, [incident.id]);

  useLayoutEffect(() => {
    if (stick.current) toBottom();
  }, [incident.id, rows.length, version]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="timeline">
      <div className="tl-head">
        <span className="panel-title">Timeline</span>
        <span className="tl-count">{rows.length.toLocaleString()} entries</span>
        <span className="tl-columns" aria-hidden="true">
          <span>Time</span>
          <span>Type</span>
          <span>By</span>
          <span>Entry</span>
        </span>
      </div>
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
                >
                  <TimelineRow entry={entry} day={newDay ? formatDay(entry.at) : null} />
                </div>
              );
            })}
          </div>
        </div>
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
