// Sane ceilings for what a person can type; larger input is refused, never truncated.
export const LIMITS = {
  title: 200,
  summary: 5_000,
  entryText: 10_000,
  name: 120,
  /** A whole wire frame, in bytes. */
  frameBytes: 256 * 1024,
} as const;
