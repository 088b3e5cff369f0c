import { useMemo } from 'react';
import type { ArtefactRecord } from '../../../shared/domain/incident';
import { notFoundMarker, splitPlacements } from '../../../shared/domain/review/artefact-placement';
import { ArtefactThumb } from '../artefacts/ArtefactThumb';
import '../artefacts/artefacts.css';

/** Under a field: what its tokens place, as the tiles the timeline shows, and each token that places nothing. */
export function PlacedArtefacts({ incidentId, text, placeable, testId }: { incidentId: string; text: string; placeable: ReadonlyMap<string, ArtefactRecord>; testId: string }) {
  const parts = useMemo(() => splitPlacements(text, placeable).flatMap((p) => (p.kind === 'artefact' ? [p] : [])), [text, placeable]);
  if (parts.length === 0) return null;
  return (
    <div className="pm-placed" data-testid={testId}>
      <span className="pm-placed-label">Placed here</span>
      {parts.map((p, i) =>
        p.artefact ? (
          <ArtefactThumb key={i} incidentId={incidentId} artefact={p.artefact} lines={3} />
        ) : (
          <span key={i} className="pm-placed-missing" data-testid="placed-missing">
            {notFoundMarker(p.token)}
          </span>
        ),
      )}
    </div>
  );
}
