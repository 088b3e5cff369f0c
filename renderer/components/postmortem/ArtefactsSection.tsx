import type { ArtefactRecord } from '../../../shared/domain/incident';
import { ArtefactThumb } from '../artefacts/ArtefactThumb';
import '../artefacts/artefacts.css';
import { Section } from './fields';

/** The screenshots and log snippets gathered during and after the response, each opening full size. */
export function ArtefactsSection({ incidentId, artefacts }: { incidentId: string; artefacts: readonly ArtefactRecord[] }) {
  return (
    <Section title="Artefacts" hint="Screenshots, logs and files attached to the timeline; the bundle carries them under attachments/" testId="pm-artefacts">
      {artefacts.length === 0 ? (
        <p className="empty-note">Nothing attached yet. Paste a screenshot or a log into the scribe&apos;s line in the war room.</p>
      ) : (
        <div className="pm-artefacts">
          {artefacts.map((a) => (
            <ArtefactThumb key={a.id} incidentId={incidentId} artefact={a} lines={5} />
          ))}
        </div>
      )}
    </Section>
  );
}
