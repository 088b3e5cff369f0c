import { create } from 'zustand';
import type { HistorySeries } from '../../shared/drills/debrief-history';
import type { Scenario } from '../../shared/drills/types';
import { api } from '../api';
import { plainMessage } from '../lib/plain-error';

interface DrillLibrary {
  /** The built-in scenarios; null until the engine answers. */
  scenarios: Scenario[] | null;
  teams: HistorySeries[];
  people: HistorySeries[];
  drills: number;
  historyLoaded: boolean;
  error: string | null;
}

/** What the Drills view shows: the scenarios to run and the scores of past drills. */
export const useDrillLibrary = create<DrillLibrary>(() => ({ scenarios: null, teams: [], people: [], drills: 0, historyLoaded: false, error: null }));

export async function loadScenarios(): Promise<void> {
  if (useDrillLibrary.getState().scenarios !== null) return;
  const result = await api.call('drill.scenarios', {});
  useDrillLibrary.setState(result.ok ? { scenarios: result.value } : { error: plainMessage(result.error) });
}

/** Asked each time the view opens: a drill that just ended must show its score. */
export async function loadHistory(): Promise<void> {
  const result = await api.call('drill.history', {});
  if (!result.ok) {
    useDrillLibrary.setState({ error: plainMessage(result.error), historyLoaded: true });
    return;
  }
  useDrillLibrary.setState({ ...result.value, historyLoaded: true });
}
