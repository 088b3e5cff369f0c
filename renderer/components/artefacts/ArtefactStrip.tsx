import type { ArtefactRecord } from '../../../shared/domain/incident';
import { ArtefactThumb } from './ArtefactThumb';
import './artefacts.css';

/**
 * An entry's files under its line, in a strip of fixed height (ARTEFACT_STRIP_HEIGHT in
 * timeline-heights.ts) so the row's height stays known before it is drawn.
 */
export function ArtefactStrip({ incidentId, artefacts }: { incidentId: string; artefacts: readonly ArtefactRecord[] }) {
  return (
    <div className="af-strip" data-testid="artefact-strip">
      {artefacts.map((a) => (
        <ArtefactThumb key={a.id} incidentId={incidentId} artefact={a} />
      ))}
    </div>
  );
}
