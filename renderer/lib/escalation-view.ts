import type { IncidentState, Millis, Page } from '../../shared/domain/incident';

export interface TierView {
  /** 1-based, as the engine numbers tiers. */
  tier: number;
  target: string;
  contact: string;
  delayMinutes: number;
  /** When the policy pages this tier: declaration + delay. */
  dueAt: Millis | null;
  /** The page that reached this tier, if it did. */
  page: Page | null;
  state: 'paged' | 'due' | 'pending' | 'stopped';
}

export interface EscalationView {
  tiers: TierView[];
  /** The next tier still to be paged, while nobody has acknowledged. */
  next: TierView | null;
  /** Whom the IC should be on the phone with now: the latest policy page, until acknowledged. */
  callNow: Page | null;
  acknowledgedAt: Millis | null;
  /** Experts paged by hand (lateral escalation). */
  lateral: Page[];
  /** The policy no longer runs: acknowledged, or the incident is resolved or closed. */
  stopped: boolean;
}

const key = (name: string) => name.trim().toLowerCase();
const RESPONDING = new Set(['investigating', 'identified', 'mitigated']);

/** The escalation ladder as the commander reads it, from the same state the engine's timer uses. */
export function escalationView(state: IncidentState, now: Millis): EscalationView {
  const declaredAt = state.timestamps.declaredAt;
  const acknowledgedAt = state.timestamps.acknowledgedAt;
  const pages = state.escalation.pages;
  // The engine stops paging once acknowledged or no longer responding; so does the ladder.
  const stopped = acknowledgedAt !== null || !RESPONDING.has(state.status);
  const tiers = state.escalation.tiers.map((tier, i): TierView => {
    const page = pages.find((p) => p.tier !== null && key(p.target) === key(tier.target)) ?? pages.find((p) => key(p.target) === key(tier.target)) ?? null;
    const dueAt = declaredAt === null ? null : declaredAt + tier.delayMinutes * 60_000;
    let tierState: TierView['state'] = 'pending';
    if (page) tierState = 'paged';
    else if (stopped) tierState = 'stopped';
    else if (dueAt !== null && dueAt <= now) tierState = 'due';
    return { tier: i + 1, target: tier.target, contact: tier.contact, delayMinutes: tier.delayMinutes, dueAt, page, state: tierState };
  });
  const next = stopped ? null : (tiers.find((t) => t.state === 'pending' || t.state === 'due') ?? null);
  const policyPages = pages.filter((p) => p.tier !== null);
  return {
    tiers,
    next,
    callNow: stopped ? null : (policyPages.at(-1) ?? null),
    acknowledgedAt,
    lateral: pages.filter((p) => p.tier === null),
    stopped,
  };
}

/** A policy page went out and nobody has acknowledged it while the escalation still runs. */
export function pageUnanswered(state: IncidentState, now: Millis): boolean {
  const view = escalationView(state, now);
  return !view.stopped && state.escalation.pages.some((p) => p.tier !== null);
}
