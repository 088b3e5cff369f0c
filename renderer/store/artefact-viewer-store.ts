import { create } from 'zustand';
import type { ArtefactRecord } from '../../shared/domain/incident';

/** The artefact open at full size, from the timeline or the post-mortem. */
export const useArtefactViewer = create<{ viewing: { incidentId: string; artefact: ArtefactRecord } | null }>(() => ({ viewing: null }));

export const viewArtefact = (incidentId: string, artefact: ArtefactRecord) => useArtefactViewer.setState({ viewing: { incidentId, artefact } });
export const closeArtefact = () => useArtefactViewer.setState({ viewing: null });
