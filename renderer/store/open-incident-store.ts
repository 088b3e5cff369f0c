import { create } from 'zustand';
import type { IncidentView } from '../../shared/contract/contract';
import type { CommandError } from '../../shared/contract/result';

interface OpenIncidentStore {
  /** The incident the commander is looking at, as chosen (it may still be loading). */
  incidentId: string | null;
  /**
   * Its full state as the engine has it: loaded with `incident.get`, then kept current by
   * applying pushed events in place with the shared reducer.
   */
  incident: IncidentView | null;
  /** Bumped on every change to `incident`, because the reducer mutates it in place. */
  version: number;
  loading: boolean;
  error: CommandError | null;
}

export const useOpenIncident = create<OpenIncidentStore>(() => ({
  incidentId: null,
  incident: null,
  version: 0,
  loading: false,
  error: null,
}));
