import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../shared/domain/entry-parser';
import type { Result } from '../../../shared/contract/result';
import { logInParts, planParts } from '../../../renderer/components/log-in-parts';

const typed = `/f @tl ${Array.from({ length: 30 }, (_, i) => `line ${i} of the pool log`).join('\n')}`;
const entry = parseEntry(typed, { now: Date.now(), people: [] });

describe('logging a long text in parts', () => {
  it('fits in one entry: no plan', () => {
    expect(planParts('/f short', parseEntry('/f short', { now: 0 }), 100)).toBeNull();
  });

  it('logs every part in order and keeps the prefixes out of the parts', async () => {
    const plan = planParts(typed, entry, 200)!;
    expect(plan.prefix).toBe('/f @tl ');
    const logged: string[] = [];
    const outcome = await logInParts(plan, async (t) => (logged.push(t), { ok: true, value: null }), () => {});
    expect(outcome).toEqual({ logged: plan.parts.length, error: null, rest: '' });
    expect(logged).toEqual(plan.parts);
    expect(logged[0]).toMatch(/^\(part 1\/\d\) line 0 of the pool log/);
  });

  it('stops at the first refusal and gives back the prefixes and what was not logged', async () => {
    const plan = planParts(typed, entry, 200)!;
    let calls = 0;
    const refuseThird = async (): Promise<Result<null>> =>
      ++calls === 3 ? { ok: false, error: { code: 'UNAVAILABLE', message: 'The engine is restarting.' } } : { ok: true, value: null };
    const outcome = await logInParts(plan, refuseThird, () => {});
    expect(outcome.logged).toBe(2);
    expect(outcome.error).toBe('The engine is restarting.');
    expect(outcome.rest.startsWith('/f @tl ')).toBe(true);
    const unlogged = plan.parts.slice(2).map((p) => p.replace(/^\(part \d+\/\d+\) /, ''));
    expect(outcome.rest).toBe(`/f @tl ${unlogged.join('\n')}`);
  });
});
