import type { IncidentView } from '../../shared/contract/contract';
import { useOpenIncident } from '../store/open-incident-store';
import { EntryBox } from './EntryBox';
import { IncidentFacts } from './IncidentFacts';
import { IncidentHeader } from './IncidentHeader';
import { IntegrityBanner } from './IntegrityBanner';
import { Timeline } from './Timeline';
import './IncidentScreen.css';

/** Names an `@mention` in the entry box may mean: role holders and responders. */
function peopleOf(incident: IncidentView): string[] {
  const holders = Object.values(incident.roles).map((holder) => holder.name);
  return [...new Set([...holders, ...incident.responders.map((r) => r.name)])];
}

export function IncidentScreen({ incident }: { incident: IncidentView }) {
  // The reducer changes `incident` in place; the version is what tells React to redraw.
  const version = useOpenIncident((s) => s.version);
  return (
    <div className={`incident-screen sev-top-${incident.severity.toLowerCase()}`}>
      <IncidentHeader incident={incident} />
      <IntegrityBanner incidentId={incident.id} integrity={incident.integrity} />
      <div className="incident-body">
        <section className="timeline-column" aria-label="Timeline">
          <Timeline key={incident.id} incident={incident} version={version} />
          <EntryBox key={incident.id} incidentId={incident.id} people={peopleOf(incident)} />
        </section>
        <IncidentFacts incident={incident} />
      </div>
    </div>
  );
}
