import type { IncidentSummary, Millis, Severity } from '../../shared/domain/incident';
import { isOpen, SEVERITIES } from '../../shared/domain/incident';
import { isActionOverdue, isReviewOverdue } from '../../shared/domain/review/schedule';
import { machineTimeZone, type TimeZone } from '../../shared/time/zone';

export type StatusFilter = 'all' | 'open' | 'closed';
export type SinceFilter = 'any' | '24h' | '7d' | '30d' | '90d';
export type ListSort = 'newest' | 'severity' | 'activity';

export interface ListFilter {
  query: string;
  status: StatusFilter;
  severities: Severity[];
  tag: string | null;
  since: SinceFilter;
  sort: ListSort;
}

export const DEFAULT_LIST_FILTER: ListFilter = { query: '', status: 'all', severities: [], tag: null, since: 'any', sort: 'newest' };

const HOUR = 3_600_000;
export const SINCE_MS: Record<Exclude<SinceFilter, 'any'>, number> = { '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR, '90d': 90 * 24 * HOUR };

/** When the incident began, as far as the list knows: declared, else detected, else last change. */
export const startedAt = (i: IncidentSummary): Millis => i.declaredAt ?? i.timestamps.detectedAt ?? i.updatedAt;

/** How many of the narrowing filters (not the search or the sort) are set. */
export function activeFilterCount(f: ListFilter): number {
  return (f.status !== 'all' ? 1 : 0) + (f.severities.length ? 1 : 0) + (f.tag ? 1 : 0) + (f.since !== 'any' ? 1 : 0);
}

function matchesQuery(i: IncidentSummary, words: string[]): boolean {
  const hay = `${i.title}\n${i.id}\n${i.tags.join('\n')}`.toLowerCase();
  return words.every((w) => hay.includes(w.replace(/^#/, '')));
}

export function filterIncidentList<T extends IncidentSummary>(items: T[], f: ListFilter, now: Millis): T[] {
  const words = f.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const since = f.since === 'any' ? null : now - SINCE_MS[f.since];
  const out = items.filter((i) => {
    if (f.status === 'open' && !isOpen(i.status)) return false;
    if (f.status === 'closed' && isOpen(i.status)) return false;
    if (f.severities.length && !f.severities.includes(i.severity)) return false;
    if (f.tag && !i.tags.includes(f.tag)) return false;
    if (since !== null && startedAt(i) < since) return false;
    return words.length === 0 || matchesQuery(i, words);
  });
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const newest = (a: T, b: T) => startedAt(b) - startedAt(a);
  if (f.sort === 'newest') out.sort(newest);
  // Severity first, and among equals the ones still burning above the finished ones.
  else if (f.sort === 'severity') out.sort((a, b) => rank(a.severity) - rank(b.severity) || Number(isOpen(b.status)) - Number(isOpen(a.status)) || newest(a, b));
  else out.sort((a, b) => b.updatedAt - a.updatedAt);
  return out;
}

/** Every tag in use, most used first. */
export function tagsInUse(items: IncidentSummary[]): string[] {
  const counts = new Map<string, number>();
  for (const i of items) for (const t of i.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
}

export interface FollowUpMarkers {
  reviewOverdue: boolean;
  overdueActions: number;
}

export function followUpMarkers(i: IncidentSummary, now: Millis, zone: TimeZone = machineTimeZone()): FollowUpMarkers {
  return { reviewOverdue: isReviewOverdue(i, now, zone), overdueActions: i.actionItems.filter((a) => isActionOverdue(a, now)).length };
}
