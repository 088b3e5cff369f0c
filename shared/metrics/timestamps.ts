import type { IncidentTimestamps, Millis } from '../domain/incident';

export type Interval = 'tta' | 'ttm' | 'ttr' | 'ttd';

const ORDER: Array<[keyof IncidentTimestamps, keyof IncidentTimestamps, string]> = [
  ['impactStartedAt', 'detectedAt', 'detected before impact started'],
  ['detectedAt', 'acknowledgedAt', 'acknowledged before it was detected'],
  ['detectedAt', 'mitigatedAt', 'mitigated before it was detected'],
  ['mitigatedAt', 'resolvedAt', 'resolved before it was mitigated'],
  ['resolvedAt', 'closedAt', 'closed before it was resolved'],
];

/** Pairs of timestamps that contradict each other: flagged, not silently used. */
export function timestampProblems(t: IncidentTimestamps): string[] {
  return ORDER.filter(([a, b]) => t[a] !== null && t[b] !== null && t[b]! < t[a]!).map(([, , text]) => text);
}

/** An interval in ms, or null when a timestamp is missing; `bad` when the two are out of order. */
export function interval(t: IncidentTimestamps, which: Interval): Millis | null | 'bad' {
  const start = t.impactStartedAt ?? t.detectedAt;
  const [from, to] =
    which === 'ttd'
      ? [t.impactStartedAt, t.detectedAt]
      : which === 'tta'
        ? [t.detectedAt, t.acknowledgedAt]
        : which === 'ttm'
          ? [start, t.mitigatedAt]
          : [start, t.resolvedAt];
  if (from === null || to === null) return null;
  return to < from ? 'bad' : to - from;
}

export interface Phase {
  label: string;
  from: Millis;
  to: Millis;
}

/** The phase strip: impact → detected → acknowledged → mitigated → resolved, to scale. */
export function phases(t: IncidentTimestamps, now: Millis): Phase[] {
  const marks: Array<[string, Millis | null]> = [
    ['Undetected', t.impactStartedAt],
    ['Detected, not acknowledged', t.detectedAt],
    ['Acknowledged, impact ongoing', t.acknowledgedAt],
    ['Mitigated, not resolved', t.mitigatedAt],
    ['Resolved', t.resolvedAt],
  ];
  const present = marks.filter((m): m is [string, Millis] => m[1] !== null);
  const out: Phase[] = [];
  for (let i = 0; i < present.length - 1; i++) {
    const [label, from] = present[i]!;
    const to = present[i + 1]![1];
    if (to >= from) out.push({ label, from, to });
  }
  const last = present.at(-1);
  if (last && last[0] !== 'Resolved' && now > last[1]) out.push({ label: last[0], from: last[1], to: now });
  return out;
}
