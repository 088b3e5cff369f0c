/** Linear-interpolated percentile (the common "type 7"); null for no values. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export interface Distribution {
  /** Incidents with both timestamps, in order. */
  n: number;
  /** Incidents lacking one of the timestamps: counted here, never as zero. */
  missing: number;
  /** Incidents whose timestamps are out of order: left out of the figures and flagged. */
  outOfOrder: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

export function distribution(values: Array<number | null>, outOfOrder = 0): Distribution {
  const present = values.filter((v): v is number => v !== null);
  return {
    n: present.length,
    missing: values.length - present.length,
    outOfOrder,
    median: percentile(present, 0.5),
    p90: percentile(present, 0.9),
    mean: present.length ? present.reduce((a, b) => a + b, 0) / present.length : null,
  };
}
