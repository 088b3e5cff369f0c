import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBase64 } from './base64';

const ANCHORED = /^[A-Za-z0-9+/]*={0,2}$/;

describe('isBase64', () => {
  it('says what the anchored pattern says, for any string over the alphabet, = and a few others', () => {
    const char = fc.constantFrom(...'AZaz09+/==-_ .\n\u00e9'.split(''));
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')), (text) => isBase64(text) === ANCHORED.test(text)), { numRuns: 5_000 });
  });

  it('accepts real base64 and refuses padding in the middle or three of it', () => {
    expect(isBase64(Buffer.from('screenshot bytes').toString('base64'))).toBe(true);
    expect(isBase64('')).toBe(true);
    expect(isBase64('QQ==')).toBe(true);
    expect(isBase64('QQ=A')).toBe(false);
    expect(isBase64('Q===')).toBe(false);
    expect(isBase64('QQ=\n')).toBe(false);
  });
});
