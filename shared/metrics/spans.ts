import type { Millis } from '../domain/incident';

/** A stretch of time, `from` inclusive, `to` exclusive. */
export interface Span {
  from: Millis;
  to: Millis;
}

/**
 * Sorted, disjoint spans covering the same time: overlapping or touching spans become one, so
 * time covered twice (two incidents at once, two roles at once) is counted once. Empty and
 * inverted spans cover nothing and are dropped.
 */
export function mergeIntervals(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: Span[] = [];
  for (const { from, to } of sorted) {
    const last = merged.at(-1);
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else merged.push({ from, to });
  }
  return merged;
}

/** The part of `span` inside `within`, or null when they do not overlap. */
export function clip(span: Span, within: Span): Span | null {
  const from = Math.max(span.from, within.from);
  const to = Math.min(span.to, within.to);
  return to > from ? { from, to } : null;
}

export const spanLength = (spans: readonly Span[]): number => spans.reduce((sum, s) => sum + (s.to - s.from), 0);
