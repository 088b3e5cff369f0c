import { randomBytes } from 'node:crypto';

/** Codes outstanding at once; minting more forgets the oldest. */
const MAX_OUTSTANDING = 16;

/**
 * Single-use launch codes: the printed address carries one, and opening it once trades it for
 * the session cookie. A used code is worthless, so its copies in a terminal's scrollback or the
 * browser's history give nobody a way in. Kept in memory: a restart prints a new one.
 */
export class LaunchCodes {
  private readonly outstanding = new Set<string>();

  issue(): string {
    const code = randomBytes(32).toString('base64url');
    this.outstanding.add(code);
    if (this.outstanding.size > MAX_OUTSTANDING) this.outstanding.delete(this.outstanding.values().next().value!);
    return code;
  }

  /** True once per issued code. */
  redeem(code: string): boolean {
    return this.outstanding.delete(code);
  }
}
