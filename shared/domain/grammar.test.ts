import { describe, expect, it } from 'vitest';
import { withArticle, withCapitalArticle } from './grammar';

describe('articles', () => {
  it('say an before a vowel and a before a consonant', () => {
    expect(withCapitalArticle('external')).toBe('An external');
    expect(withCapitalArticle('internal')).toBe('An internal');
    expect(withArticle('resolution')).toBe('a resolution');
    expect(withArticle('executive')).toBe('an executive');
  });
});
