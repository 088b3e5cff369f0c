// Bursts: another client logs notes as fast as a busy war room would (1 000/s), while the
// window under test takes keystrokes, and a second window is opened halfway through. Measured:
// keystroke to the next frame in the scribe box, and, after the burst's last acknowledgement,
// how long each window takes to show the newest entry.
import { setTimeout as sleep } from 'node:timers/promises';
import type { WireClient } from './render-host';
import { HAS_ROW_WITH } from './render-page';

type Page = import('playwright-core').Page;

/** Unanswered requests allowed on the burst's connection (the host caps them per connection). */
const IN_FLIGHT = 200;

export interface BurstResult {
  sent: number;
  refused: number;
  seconds: number;
  acks: number[];
  lastText: string;
  /** performance.now() in this process when the last note was acknowledged. */
  endedAt: number;
}

/** `total` notes at `perSecond` on a fixed schedule (slower if the engine cannot keep up). */
export function burst(client: WireClient, incidentId: string, perSecond: number, total: number, onSent: (n: number) => void) {
  const acks: number[] = [];
  let refused = 0;
  const t0 = performance.now();
  const done = (async (): Promise<BurstResult> => {
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < total; i++) {
      const at = performance.now();
      const call: Promise<void> = client.call('timeline.log', { incidentId, text: `burst note ${i}` }).then((r) => {
        if (r.ok) acks.push(performance.now() - at);
        else refused += 1;
        inFlight.delete(call);
      });
      inFlight.add(call);
      onSent(i + 1);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      const wait = t0 + (i + 1) * (1000 / perSecond) - performance.now();
      if (wait >= 1) await sleep(wait);
      // Behind schedule: still give the socket a turn now and then.
      else if (i % 32 === 0) await new Promise((r) => setImmediate(r));
    }
    await Promise.all(inFlight);
    const endedAt = performance.now();
    return { sent: total, refused, seconds: (endedAt - t0) / 1000, acks, lastText: `burst note ${total - 1}`, endedAt };
  })();
  return done;
}

/** Milliseconds from `since` until `page` shows a timeline row with exactly `text`; null after `timeoutMs`. */
export async function timeUntilShown(page: Page, text: string, since: number, timeoutMs: number): Promise<number | null> {
  try {
    await page.waitForFunction(`${HAS_ROW_WITH}(${JSON.stringify(text)})`, undefined, { polling: 'raf', timeout: timeoutMs });
    return performance.now() - since;
  } catch {
    return null;
  }
}

/** Keys every `intervalMs` until `done()` says stop (or `max` keys). */
export async function typeUntil(page: Page, text: string, intervalMs: number, done: () => boolean, max: number): Promise<number> {
  const t0 = performance.now();
  let i = 0;
  for (; i < max && !done(); i++) {
    const ch = text[i % text.length]!;
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    const wait = t0 + (i + 1) * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
  }
  return i;
}
