import { create } from 'zustand';
import type { IntakeEndpointView, IntakeSourcesView } from '../../shared/contract/contract';
import type { CommandError, Result } from '../../shared/contract/result';
import { api } from '../api';

export type IntakeEndpoint = IntakeEndpointView;

interface IntakeStore {
  endpoint: IntakeEndpoint | null;
  endpointError: CommandError | null;
  /** The followed Alertmanager (never its secret) and how polling goes; null until the first answer. */
  sources: IntakeSourcesView | null;
  sourcesError: CommandError | null;
}

/** The alert intake as Settings → Alert sources shows it. Kept apart from the settings file, as the engine keeps it. */
export const useIntake = create<IntakeStore>(() => ({ endpoint: null, endpointError: null, sources: null, sourcesError: null }));

// A poll that started before a save answered must not put the older view back.
let sourcesAnswered = 0;

export async function loadIntakeEndpoint(): Promise<void> {
  const result = await api.call('intake.endpoint', {});
  if (result.ok) useIntake.setState({ endpoint: result.value, endpointError: null });
  else useIntake.setState({ endpointError: result.error });
}

/** The old token stops working at once; the store holds the new one. */
export async function rotateIntakeToken(): Promise<Result<IntakeEndpoint>> {
  const result = await api.call('intake.rotateToken', {});
  if (result.ok) useIntake.setState({ endpoint: result.value, endpointError: null });
  return result;
}

/** Serve the intake alone on HOST:PORT as well (null stops it); on a refusal what was served still is. */
export async function setIntakeListen(address: string | null): Promise<Result<IntakeEndpoint>> {
  const result = await api.call('intake.listen', { address });
  if (result.ok) useIntake.setState({ endpoint: result.value, endpointError: null });
  return result;
}

export async function loadIntakeSources(): Promise<void> {
  const before = sourcesAnswered;
  const result = await api.call('intake.sources', {});
  if (before !== sourcesAnswered) return;
  sourcesAnswered++;
  if (result.ok) useIntake.setState({ sources: result.value, sourcesError: null });
  else useIntake.setState({ sourcesError: result.error });
}

/** What `intake.configurePull` answered: the view as saved. */
export function adoptIntakeSources(view: IntakeSourcesView): void {
  sourcesAnswered++;
  useIntake.setState({ sources: view, sourcesError: null });
}
