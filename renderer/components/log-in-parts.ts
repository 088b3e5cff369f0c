import { entryParts } from '../../shared/domain/entry-parts';
import type { ParsedEntry } from '../../shared/domain/entry-parser';
import type { Result } from '../../shared/contract/result';
import { plainMessage } from '../lib/plain-error';

const MARKER = /^\(part \d+\/\d+\) /;

export interface PartsPlan {
  /** What each entry will say, marker included. */
  parts: string[];
  /** The prefixes typed before the text (`/f @tl `), kept for what could not be logged. */
  prefix: string;
}

/** How a text longer than one entry would be logged: null when it fits in one. */
export function planParts(typed: string, entry: ParsedEntry, max: number): PartsPlan | null {
  if (entry.text.length <= max) return null;
  const trimmed = typed.trimEnd();
  return { parts: entryParts(entry.text, max), prefix: trimmed.slice(0, trimmed.length - entry.text.length) };
}

export interface PartsOutcome {
  logged: number;
  /** The engine's refusal of the first part it did not take. */
  error: string | null;
  /** The prefixes and every part not logged, without markers: what goes back in the box. */
  rest: string;
}

/** Logs the parts one after the other, so they reach the timeline in order; stops at the first refusal. */
export async function logInParts(plan: PartsPlan, log: (text: string) => Promise<Result<unknown>>, onLogged: (count: number) => void): Promise<PartsOutcome> {
  for (const [i, part] of plan.parts.entries()) {
    const result = await log(part);
    if (!result.ok) {
      const rest = plan.parts.slice(i).map((p) => p.replace(MARKER, ''));
      return { logged: i, error: plainMessage(result.error), rest: plan.prefix + rest.join('\n') };
    }
    onLogged(i + 1);
  }
  return { logged: plan.parts.length, error: null, rest: '' };
}
