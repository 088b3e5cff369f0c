/** "an external update", "a resolution update": the article a word takes when spoken. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** The same at the start of a sentence. */
export function withCapitalArticle(word: string): string {
  const phrase = withArticle(word);
  return phrase[0]!.toUpperCase() + phrase.slice(1);
}
