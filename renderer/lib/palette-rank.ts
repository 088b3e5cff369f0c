import { ROLE_ALIASES } from '../../shared/domain/entry-parser';
import type { RoleKey } from '../../shared/domain/incident';

/** What the ranking reads of a palette action. */
export interface Rankable {
  label: string;
  group: string;
  /** Extra words that should find it. */
  keywords?: string;
  /** The role the action is about, so that `ic`, `tl`, `comms`… find it by the scribe's aliases. */
  role?: RoleKey;
}

/** How well one typed word fits an action; higher is better, `none` hides the action. */
export const FIT = {
  /** `ic` typed, and the action is about the incident commander. */
  alias: 5,
  /** A whole word of the label. */
  word: 4,
  /** The start of a word of the label. */
  wordStart: 3,
  /** A keyword or the group, whole or its start. */
  keyword: 2,
  /** Somewhere inside a word: only for three letters or more, since `ic` is in "technical". */
  inside: 1,
  none: 0,
} as const;

export type Fit = (typeof FIT)[keyof typeof FIT];

/** Words as the palette compares them: lower case, split on anything that is not a letter or digit. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** What was typed, as words; a hyphenated alias such as `tech-lead` stays one word. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .flatMap((token) => (ROLE_ALIASES[token] ? [token] : wordsOf(token)));
}

/** The fit of each typed word to one action, in the order typed. */
export function fitsOf(action: Rankable, words: string[]): Fit[] {
  const label = wordsOf(action.label);
  const extra = wordsOf(`${action.group} ${action.keywords ?? ''}`);
  const haystack = [...label, ...extra].join(' ');
  return words.map((w): Fit => {
    if (action.role && ROLE_ALIASES[w] === action.role) return FIT.alias;
    if (label.includes(w)) return FIT.word;
    if (label.some((l) => l.startsWith(w))) return FIT.wordStart;
    if (extra.some((e) => e.startsWith(w))) return FIT.keyword;
    if (w.length >= 3 && haystack.includes(w)) return FIT.inside;
    return FIT.none;
  });
}

/** Best fits first, compared one by one: an action with an alias match beats any without. */
function compareFits(a: Fit[], b: Fit[]): number {
  const x = [...a].sort((p, q) => q - p);
  const y = [...b].sort((p, q) => q - p);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
  return 0;
}

/**
 * The actions that fit every typed word, best first: a role by its alias, then whole words,
 * word starts, keywords, and letters inside a word. Ties keep the earlier hit in the label,
 * then the given order. An empty query returns the actions as given.
 */
export function rankActions<T extends Rankable>(actions: readonly T[], query: string): T[] {
  const words = queryWords(query);
  if (words.length === 0) return [...actions];
  const shown: { action: T; fits: Fit[]; at: number; index: number }[] = [];
  actions.forEach((action, index) => {
    const fits = fitsOf(action, words);
    if (fits.includes(FIT.none)) return;
    const at = action.label.toLowerCase().indexOf(words[0]!);
    shown.push({ action, fits, at: at < 0 ? Number.MAX_SAFE_INTEGER : at, index });
  });
  shown.sort((a, b) => compareFits(a.fits, b.fits) || a.at - b.at || a.index - b.index);
  return shown.map((s) => s.action);
}
