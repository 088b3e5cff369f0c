/**
 * Characters that change how text is laid out or read rather than what it says: C0 and C1
 * controls (newline and tab included), DEL, the Unicode line and paragraph separators, and the
 * bidirectional embeddings, overrides and isolates that make text display differently from its
 * bytes ("Trojan Source"). A title is one line of plain words and goes into headings, file
 * contents and notifications, so none of them belongs in it.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}
