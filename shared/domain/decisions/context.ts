import { CommandFailure } from '../../contract/result';
import type { IncidentState } from '../incident';
import type { Settings } from '../settings';

/** What a decision may look at besides the state: the clock, fresh ids, who acts, the policies. */
export interface DecisionContext {
  now: number;
  newId: () => string;
  actor: string;
  settings: Settings;
}

/** Small slack for clocks that disagree by a little between a scribe's laptop and the IC's. */
export const FUTURE_SLACK_MS = 60_000;

export function refuse(message: string): never {
  throw new CommandFailure('CONFLICT', message);
}

export function requireOpen(state: IncidentState, what: string): void {
  if (state.status === 'closed') refuse(`The incident is closed; reopen it to ${what}.`);
}

export function requireNotFuture(at: number | null | undefined, ctx: DecisionContext, label: string): void {
  if (at != null && at > ctx.now + FUTURE_SLACK_MS) {
    throw new CommandFailure('INVALID_INPUT', `${label} is in the future.`);
  }
}
