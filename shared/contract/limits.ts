// Sane ceilings for what a person can type; larger input is refused, never truncated.
export const LIMITS = {
  title: 200,
  summary: 5_000,
  publicImpact: 500,
  entryText: 10_000,
  name: 120,
  /** A whole wire frame, in bytes: room for an imported bundle, and no more. */
  frameBytes: 64 * 1024 * 1024,
  /** An imported file as base64 text. */
  importBase64: 48 * 1024 * 1024,
} as const;
