// Limits on what a person types, shown while typing rather than as a refusal on submit.

/** Counters appear from this share of the limit: early enough to plan, late enough not to nag. */
export const COUNTER_FROM = 0.8;

export interface Counter {
  text: string;
  /** near: from 80%; full: at the limit; over: past it (only a paste kept for splitting gets there). */
  tone: 'near' | 'full' | 'over';
}

const count = (n: number) => n.toLocaleString();

export function limitCounter(length: number, max: number): Counter | null {
  if (length < max * COUNTER_FROM) return null;
  const tone = length > max ? 'over' : length === max ? 'full' : 'near';
  return { text: `${count(length)} / ${count(max)}`, tone };
}

export interface Selection {
  length: number;
  selectionStart: number;
  selectionEnd: number;
}

/** The length a field would have once `inserted` characters replace its selection. */
export function lengthAfter(field: Selection, inserted: number): number {
  return field.length - (field.selectionEnd - field.selectionStart) + inserted;
}

/** Why an insertion was refused, in the words of the field's label, never a schema path. */
export function refusal(label: string, max: number, how: 'typed' | 'pasted', wouldBe: number): string {
  const holds = `${label} holds at most ${count(max)} characters`;
  return how === 'typed' ? `${holds}.` : `${holds}; with the pasted text it would be ${count(wouldBe)}. Nothing was pasted.`;
}
