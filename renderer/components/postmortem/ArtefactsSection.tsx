import type { ArtefactRecord } from '../../../shared/domain/incident';
import { PLACEABLE_SECTION_TITLES, type PlaceableSection } from '../../../shared/domain/review/artefact-placement';
import { ArtefactThumb } from '../artefacts/ArtefactThumb';
import '../artefacts/artefacts.css';
import { Section } from './fields';

interface Props {
  incidentId: string;
  artefacts: readonly ArtefactRecord[];
  /** Where "Insert artefact" placed each one; the export shows the rest here, at the end. */
  placed: ReadonlyMap<string, PlaceableSection>;
}

/** The screenshots and log snippets gathered during and after the response, each opening full size. */
export function ArtefactsSection({ incidentId, artefacts, placed }: Props) {
  return (
    <Section
      title="Artefacts"
      hint="Attached to the timeline; “Insert artefact” on a section places one beside its text. The bundle carries them under attachments/"
      testId="pm-artefacts"
    >
      {artefacts.length === 0 ? (
        <p className="empty-note">Nothing attached yet. Paste a screenshot or a log into the scribe&apos;s line in the war room.</p>
      ) : (
        <div className="pm-artefacts">
          {artefacts.map((a) => {
            const where = placed.get(a.id);
            return (
              <figure key={a.id} className="pm-artefact">
                <ArtefactThumb incidentId={incidentId} artefact={a} lines={5} />
                <figcaption className="pm-artefact-where" data-testid="pm-artefact-where">
                  {where ? `In ${PLACEABLE_SECTION_TITLES[where]}` : 'Listed at the end'}
                </figcaption>
              </figure>
            );
          })}
        </div>
      )}
    </Section>
  );
}
