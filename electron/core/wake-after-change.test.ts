import { describe, expect, it } from 'vitest';
import { wakeAfterChange } from './wake-after-change';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('waking the clocks after a change', () => {
  it('checks the first change at once, after the command has been answered', async () => {
    let wakes = 0;
    const changed = wakeAfterChange(() => (wakes += 1), 50);
    changed();
    expect(wakes).toBe(0);
    await nextTurn();
    expect(wakes).toBe(1);
  });

  it('gives a stream of changes one check per gap, and still checks the last of them', async () => {
    let wakes = 0;
    const changed = wakeAfterChange(() => (wakes += 1), 40);
    changed();
    await nextTurn();
    for (let i = 0; i < 20; i++) {
      changed();
      await nextTurn();
    }
    expect(wakes).toBe(1);
    await sleep(80);
    expect(wakes).toBe(2);
  });

  it('checks at once again after a quiet spell', async () => {
    let now = 0;
    let wakes = 0;
    const changed = wakeAfterChange(() => (wakes += 1), 10, () => now);
    changed();
    await nextTurn();
    now = 1_000;
    changed();
    await nextTurn();
    expect(wakes).toBe(2);
  });
});
