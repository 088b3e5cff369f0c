import { useEffect, useMemo } from 'react';
import type { IncidentView } from '../../shared/contract/contract';
import { entryIndex } from '../../shared/domain/reduce-helpers';
import { EMPTY_FILTER } from '../lib/timeline-filter';
import { useOpenIncident } from '../store/open-incident-store';
import { namesOnIncident } from '../lib/people';
import { refreshSettings } from '../store/settings-snapshot';
import { enterIncident, toggleWorkstream, useWarRoom } from '../store/war-room-store';
import { ArtefactViewer } from './artefacts/ArtefactViewer';
import { ResolvedPrompt } from './artefacts/ResolvedPrompt';
import { DrillBand } from './drills/DrillBand';
import { EntryBox } from './EntryBox';
import { IncidentHeader } from './IncidentHeader';
import { NextStepsPanel } from './guidance/NextStepsPanel';
import { IntegrityBanner } from './IntegrityBanner';
import { Timeline } from './Timeline';
import { ActionNotice } from './war-room/ActionNotice';
import { AlertsPanel } from './war-room/AlertsPanel';
import { ClockBand } from './war-room/ClockBand';
import { ConflictBanner } from './war-room/ConflictBanner';
import { DetectedDecision } from './war-room/DetectedActions';
import { useDraftShortcut } from './war-room/draft-shortcut';
import { KnownPanel } from './war-room/KnownPanel';
import { MitigationOffer } from './war-room/MitigationOffer';
import { SidePanel } from './war-room/SidePanel';
import { WarRoomDialogs } from './war-room/WarRoomDialogs';
import { WorkstreamBoard } from './war-room/WorkstreamBoard';
import './IncidentScreen.css';
import './war-room/war-room.css';

function warmEntryIndex(incident: IncidentView): () => void {
  const warm = () => void entryIndex(incident, '');
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(warm, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(warm, 200);
  return () => clearTimeout(timer);
}

/**
 * The war room: header and clocks on top, the workstreams and the scribe's timeline in the
 * middle, the shape of the response on the right. A detection that was not declared shows
 * only what it needs: declare, attach or dismiss, what monitoring says, and the timeline.
 */
export function IncidentScreen({ incident }: { incident: IncidentView }) {
  // The reducer changes `incident` in place; the version is what tells React to redraw.
  useOpenIncident((s) => s.version);
  // The timeline redraws from its own store; it hears of workstreams only when their titles change.
  const titlesKey = incident.workstreams.map((w) => `${w.id}\u0000${w.title}`).join('\u0001');
  const workstreams = useMemo(() => [...incident.workstreams], [titlesKey]);
  const storedFor = useWarRoom((s) => s.incidentId);
  const storedFilter = useWarRoom((s) => s.filter);
  const filter = storedFor === incident.id ? storedFilter : EMPTY_FILTER;

  useEffect(() => enterIncident(incident.id), [incident.id]);
  // The reducer finds entries by id through an index it builds on first use: one pass over the
  // whole timeline. Build it while the screen is idle, not when the scribe logs the first line.
  useEffect(() => warmEntryIndex(incident), [incident]);
  useEffect(() => {
    void refreshSettings();
    const onFocus = () => void refreshSettings();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [incident.id]);

  const detected = incident.status === 'detected';
  useDraftShortcut(!detected);
  const linked = filter.workstreamId === null ? undefined : incident.workstreams.find((w) => w.id === filter.workstreamId);
  return (
    <div className={`incident-screen sev-top-${incident.severity.toLowerCase()}${detected ? ' is-detected' : ''}${incident.drill ? ' is-drill' : ''}`} data-testid="war-room">
      {incident.drill && <DrillBand incident={incident} />}
      <IncidentHeader incident={incident} />
      <IntegrityBanner incidentId={incident.id} integrity={incident.integrity} />
      <ConflictBanner incident={incident} />
      {!detected && <ClockBand incident={incident} />}
      {detected ? <DetectedDecision incident={incident} /> : <WorkstreamBoard incident={incident} />}
      <ActionNotice />
      <div className="incident-body">
        <section className="work-column" aria-label="Timeline">
          <Timeline key={incident.id} incidentId={incident.id} workstreams={workstreams} open={incident.status !== 'closed'} filter={filter} />
          <MitigationOffer key={`offer-${incident.id}`} incident={incident} />
          <ResolvedPrompt key={`prompt-${incident.id}`} incident={incident} />
          <EntryBox
            key={incident.id}
            incidentId={incident.id}
            people={namesOnIncident(incident)}
            workstream={linked ? { id: linked.id, title: linked.title } : null}
            onUnlinkWorkstream={() => linked && toggleWorkstream(linked.id)}
          />
        </section>
        {detected ? (
          <aside className="side" aria-label="What is known">
            <NextStepsPanel incident={incident} />
            <KnownPanel incident={incident} />
            <AlertsPanel incident={incident} />
          </aside>
        ) : (
          <SidePanel incident={incident} />
        )}
      </div>
      <WarRoomDialogs incident={incident} />
      <ArtefactViewer />
    </div>
  );
}
