// A pasted log longer than one entry is logged as several, in order, never cut short.

/** `(part 2/5) `: what starts each entry of a text logged in parts. */
export function partMarker(part: number, of: number): string {
  return `(part ${part}/${of}) `;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Cuts text into pieces of at most `budget` characters (at least 2): after the last line end
 * that fits, else after the last space, else anywhere but inside a surrogate pair. Joined, the
 * pieces are the text again.
 */
export function cutAtLines(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > budget) {
    const ahead = text.slice(start, start + budget);
    let cut = ahead.lastIndexOf('\n') + 1;
    if (cut === 0) cut = Math.max(ahead.lastIndexOf(' '), ahead.lastIndexOf('\t')) + 1;
    if (cut === 0) cut = isHighSurrogate(ahead.charCodeAt(budget - 1)) ? budget - 1 : budget;
    pieces.push(text.slice(start, start + cut));
    start += cut;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/**
 * The entries to log for `text` when one entry holds at most `max` characters: the text itself
 * when it fits, else pieces cut at line ends, each behind its `(part i/n)` marker. Pieces that are
 * only blank lines are left out (an entry cannot be empty); every other character is kept.
 */
export function entryParts(text: string, max: number): string[] {
  const whole = text.trim();
  if (whole === '') return [];
  if (whole.length <= max) return [whole];
  for (let digits = 1; ; digits++) {
    const widest = 10 ** digits - 1;
    const pieces = cutAtLines(text, max - partMarker(widest, widest).length)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    // Leaving out blank pieces only lowers the count, so the markers stay within their width.
    if (pieces.length <= widest) return pieces.map((p, i) => partMarker(i + 1, pieces.length) + p);
  }
}
