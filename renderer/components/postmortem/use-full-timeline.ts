import { useEffect, useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import type { TimelineEntry } from '../../../shared/domain/incident';
import { api } from '../../api';

/** Asked again at most this often while lines keep arriving. */
const REFRESH_MS = 1_000;

/**
 * The review is written from the whole timeline (every entry can be included, annotated and
 * exported), so the post-mortem screen — loaded only when opened, never by the war room — asks
 * the engine for it, and again a second after the timeline changed. `changed` is any value that
 * changes with the timeline (the open incident's last sequence number).
 */
export function useFullTimeline(incident: IncidentView, changed: unknown): IncidentView | null {
  const [timeline, setTimeline] = useState<{ id: string; entries: TimelineEntry[] } | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        void api.call('incident.get', { incidentId: incident.id }).then((result) => {
          if (live && result.ok) setTimeline({ id: incident.id, entries: result.value.timeline });
        });
      },
      timeline === null ? 0 : REFRESH_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [incident.id, changed]);
  return timeline && timeline.id === incident.id ? { ...incident, timeline: timeline.entries } : null;
}
