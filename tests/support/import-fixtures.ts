import { BUNDLE_FORMAT } from '../../electron/core/bundle/bundle-files';
import { encodeRecord } from '../../electron/core/journal/record';
import type { IncidentEvent } from '../../shared/domain/events';

export const FORGED_INCIDENT = 'INC-20261122-forged';

export const manifestBytes = (): Buffer => Buffer.from(`${JSON.stringify({ format: BUNDLE_FORMAT, version: 1, incidentId: FORGED_INCIDENT })}\n`);

/** A declaration and `notes` scribe notes, as a well-formed journal would hold them. */
export function forgedEvents(notes: number): IncidentEvent[] {
  const at = Date.UTC(2026, 10, 22, 3, 0, 0);
  const declared = {
    id: 'ev-0',
    incidentId: FORGED_INCIDENT,
    seq: 1,
    at,
    actor: 'Dana Reyes',
    type: 'incident.declared',
    payload: { title: 'Search is slow', severity: 'SEV2', detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null },
  } as unknown as IncidentEvent;
  const logged = Array.from(
    { length: notes },
    (_, i) =>
      ({
        id: `ev-${i + 1}`,
        incidentId: FORGED_INCIDENT,
        seq: i + 2,
        at: at + i,
        actor: 'Lee (scribe)',
        type: 'timeline.logged',
        payload: { entryId: `en-${i + 1}`, text: 'Checked the search dashboards again; latency unchanged.', kind: 'finding', occurredAt: at + i, attribution: null, workstreamId: null },
      }) as unknown as IncidentEvent,
  );
  return [declared, ...logged];
}

export const journalBytes = (events: IncidentEvent[]): Buffer => Buffer.from(events.map(encodeRecord).join(''));
