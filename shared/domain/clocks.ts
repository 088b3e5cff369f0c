import type { IncidentState, Millis } from './incident';

/** The latest time an event may carry: the journal schema's limit (year 2223). */
export const LATEST_TIME = 8_000_000_000_000;

/**
 * Whether a computed time is one the product can record and show. Each value in a journal is
 * within limits, but a sum may not be: a cadence of 1e300 minutes is valid and its next
 * deadline is not a date at all (`new Date(x).toISOString()` throws "Invalid time value").
 */
export function isRecordableTime(ms: number): boolean {
  return Number.isFinite(ms) && ms >= 0 && ms <= LATEST_TIME;
}

export interface Span {
  ms: number;
  /** Still counting: the end has not happened yet. */
  running: boolean;
}

export interface IncidentClocks {
  /** Since impact started (or detection, when impact start is unknown). */
  elapsed: Span | null;
  /** Time to detect: impact start → detection. */
  ttd: Span | null;
  /** Time to acknowledge: detection → acknowledgement. */
  tta: Span | null;
  /** Time to mitigate: impact start (or detection) → mitigation. */
  ttm: Span | null;
  /** Time to resolve: impact start (or detection) → resolution. */
  ttr: Span | null;
}

function span(from: Millis | null, to: Millis | null, now: Millis, stopAt: Millis | null): Span | null {
  if (from === null) return null;
  if (to !== null) return { ms: to - from, running: false };
  return { ms: (stopAt ?? now) - from, running: stopAt === null };
}

/** The running figures on the header. A closed or dismissed incident's clocks stop where it ended. */
export function incidentClocks(state: IncidentState, now: Millis): IncidentClocks {
  const t = state.timestamps;
  const start = t.impactStartedAt ?? t.detectedAt;
  const end = t.resolvedAt ?? t.closedAt;
  return {
    elapsed: span(start, end, now, null),
    ttd: t.impactStartedAt === null ? null : span(t.impactStartedAt, t.detectedAt, now, end),
    tta: span(t.detectedAt, t.acknowledgedAt, now, end),
    ttm: span(start, t.mitigatedAt, now, end),
    ttr: span(start, t.resolvedAt, now, t.closedAt),
  };
}

/** 0:42, 12:07, 3:04:09, 2d 03:04 */
export function formatSpan(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h || d ? 2 : 1, '0');
  const ss = String(sec).padStart(2, '0');
  if (d) return `${sign}${d}d ${String(h).padStart(2, '0')}:${mm}:${ss}`;
  return h ? `${sign}${h}:${mm}:${ss}` : `${sign}${mm}:${ss}`;
}
