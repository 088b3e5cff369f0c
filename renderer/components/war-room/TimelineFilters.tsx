import { useEffect, useState } from 'react';
import type { TimelineFacetsView } from '../../../shared/contract/contract';
import { ENTRY_KINDS, ROLE_KEYS, ROLE_LABELS, type EntryKind, type RoleKey, type Workstream } from '../../../shared/domain/incident';
import { KIND_LABELS } from '../../lib/labels';
import { isEmptyFilter, type TimelineFilter } from '../../lib/timeline-filter';
import { clearFilter, setFilter } from '../../store/war-room-store';

interface Props {
  workstreams: readonly Workstream[];
  filter: TimelineFilter;
  /** Names on the timeline, from the engine (and kept up as lines arrive). */
  facets: TimelineFacetsView;
  /** Entries matching the filter, and all entries: counted by the engine. */
  shown: number;
  total: number;
}

/** Typing waits this long before the engine is asked again, so a word costs one search, not five. */
const TYPING_PAUSE_MS = 160;

const sorted = (names: Iterable<string>) => [...names].sort((a, b) => a.localeCompare(b));

/** Narrow the timeline: type, role or person it is attributed to, who logged it, workstream, words, pinned. */
export function TimelineFilters({ workstreams, filter, facets, shown, total }: Props) {
  const [text, setText] = useState(filter.text);
  useEffect(() => setText(filter.text), [filter.text]);
  useEffect(() => {
    if (text === filter.text) return;
    const timer = setTimeout(() => setFilter({ text }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, filter.text]);

  const people = sorted([...facets.attributions].filter((a) => !(ROLE_KEYS as readonly string[]).includes(a)));
  const filtered = !isEmptyFilter(filter);
  return (
    <div className="tl-filters" role="search" aria-label="Filter the timeline">
      <span className="panel-title">Timeline</span>
      <span className="tl-count" data-testid="timeline-count">
        {filtered ? `${shown.toLocaleString()} of ${total.toLocaleString()}` : `${total.toLocaleString()} entries`}
      </span>
      <select
        className="tl-filter"
        aria-label="Type"
        data-testid="filter-kind"
        value={filter.kind}
        onChange={(e) => setFilter({ kind: e.target.value as TimelineFilter['kind'] })}
      >
        <option value="all">All types</option>
        <option value="scribe">No system lines</option>
        {ENTRY_KINDS.map((k: EntryKind) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <select
        className="tl-filter"
        aria-label="Role or person the entry is about"
        data-testid="filter-attribution"
        value={filter.attribution ?? ''}
        onChange={(e) => setFilter({ attribution: e.target.value || null })}
      >
        <option value="">Any role</option>
        {ROLE_KEYS.map((r: RoleKey) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
        {people.length > 0 && (
          <optgroup label="People">
            {people.map((p) => (
              <option key={p} value={p}>
                @{p}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <select
        className="tl-filter"
        aria-label="Logged by"
        data-testid="filter-actor"
        value={filter.actor ?? ''}
        onChange={(e) => setFilter({ actor: e.target.value || null })}
      >
        <option value="">Anyone</option>
        {sorted(facets.actors).map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <select
        className="tl-filter"
        aria-label="Workstream"
        data-testid="filter-workstream"
        value={filter.workstreamId ?? ''}
        onChange={(e) => setFilter({ workstreamId: e.target.value || null })}
      >
        <option value="">All work</option>
        {workstreams.map((w) => (
          <option key={w.id} value={w.id}>
            {w.title}
          </option>
        ))}
      </select>
      <input
        type="search"
        className="tl-filter tl-search"
        aria-label="Search the timeline"
        data-testid="filter-text"
        placeholder="Search…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setFilter({ text });
        }}
      />
      <button
        type="button"
        className={`tl-filter tl-pinned${filter.pinnedOnly ? ' is-on' : ''}`}
        aria-pressed={filter.pinnedOnly}
        data-testid="filter-pinned"
        onClick={() => setFilter({ pinnedOnly: !filter.pinnedOnly })}
      >
        ★ Pinned
      </button>
      {filtered && (
        <button type="button" className="tl-clear" data-testid="filter-clear" onClick={clearFilter}>
          Clear
        </button>
      )}
    </div>
  );
}
