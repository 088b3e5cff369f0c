import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lengthAfter, limitCounter, refusal } from '../../../renderer/lib/text-limit';

const n = (x: number) => x.toLocaleString();

describe('length counters', () => {
  it('appear from 80% of the limit, and say when it is reached or passed', () => {
    expect(limitCounter(7_999, 10_000)).toBeNull();
    expect(limitCounter(8_000, 10_000)).toEqual({ text: `${n(8_000)} / ${n(10_000)}`, tone: 'near' });
    expect(limitCounter(10_000, 10_000)?.tone).toBe('full');
    expect(limitCounter(10_001, 10_000)?.tone).toBe('over');
  });
});

describe('what an insertion would do', () => {
  it('counts the selection it replaces', () => {
    expect(lengthAfter({ length: 10, selectionStart: 2, selectionEnd: 5 }, 4)).toBe(11);
  });

  it('is within the limit exactly when the result is', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.nat(200), fc.nat(50), (length, a, b, inserted) => {
        const start = Math.min(a, b, length);
        const end = Math.min(Math.max(a, b), length);
        expect(lengthAfter({ length, selectionStart: start, selectionEnd: end }, inserted)).toBe(length - (end - start) + inserted);
      }),
    );
  });
});

describe('refusals in plain words', () => {
  it('name the field and the limit, never a contract path', () => {
    expect(refusal('Title', 200, 'typed', 201)).toBe(`Title holds at most ${n(200)} characters.`);
    const pasted = refusal('Next step or hypothesis', 5_000, 'pasted', 12_345);
    expect(pasted).toBe(`Next step or hypothesis holds at most ${n(5_000)} characters; with the pasted text it would be ${n(12_345)}. Nothing was pasted.`);
    expect(pasted).not.toMatch(/\w+\.\w+:|: [a-z]+:/);
  });
});
