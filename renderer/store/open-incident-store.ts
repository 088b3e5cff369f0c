import { create } from 'zustand';
import type { IncidentView } from '../../shared/contract/contract';
import type { CommandError } from '../../shared/contract/result';
import type { MitigationOffer } from '../../shared/domain/mitigation-offer';

interface OpenIncidentStore {
  /** The incident the commander is looking at, as chosen (it may still be loading). */
  incidentId: string | null;
  /**
   * Its state as the engine has it, without the full timeline: `timeline` holds only the newest
   * lines in logged order (the timeline itself is paged, see timeline-pages.ts). Opened with
   * `incident.window`, then kept current by applying pushed events in place with the shared reducer.
   */
  incident: IncidentView | null;
  /** Bumped on every change to `incident`, because the reducer mutates it in place. */
  version: number;
  /** The engine's mitigation offer when the incident was opened (it saw the whole timeline). */
  mitigationOffer: MitigationOffer | null;
  loading: boolean;
  error: CommandError | null;
}

export const useOpenIncident = create<OpenIncidentStore>(() => ({
  incidentId: null,
  incident: null,
  version: 0,
  mitigationOffer: null,
  loading: false,
  error: null,
}));
