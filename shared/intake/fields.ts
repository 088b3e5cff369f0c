import { z } from 'zod';
import { hasControlCharacter } from '../domain/control-chars';
import { FORBIDDEN_KEYS, INTAKE_LIMITS, type ParseResult } from './alert';
import { type TimeReading } from './times';

/**
 * The zod pieces every parser here is built from. Objects are `z.object`, which drops keys it
 * does not name: senders add fields from one release to the next (Alertmanager's
 * `notification_reason`, Grafana's `orgId`) and must not be refused for it. What is kept is
 * always the parsed output, never the sender's object.
 */

/** Line breaks and tabs a description may hold; every other control character is refused. */
const LAYOUT = /[\t\n\r]/g;
const LAYOUT_RUN = /[\t\n\r]+/g;

/** Text that identifies something (a label value, a key, a fingerprint): one line, no controls. */
export function identifier(max: number, min = 0) {
  return z
    .string()
    .min(min, 'is empty')
    .max(max, `is longer than ${max} characters`)
    .refine((s) => !hasControlCharacter(s), 'holds a line break or control character');
}

/**
 * Free text shown on one line (a summary, a PagerDuty source): line breaks and tabs become
 * spaces, as a reader would take them; other control characters are refused.
 */
export function oneLine(max: number) {
  return z
    .string()
    .max(max, `is longer than ${max} characters`)
    .transform((s) => s.replace(LAYOUT_RUN, ' ').trim())
    .refine((s) => !hasControlCharacter(s), 'holds a control character');
}

/** Free text that may run over several lines (a description): no other control characters. */
export function paragraph(max: number) {
  return z
    .string()
    .max(max, `is longer than ${max} characters`)
    .refine((s) => !hasControlCharacter(s.replace(LAYOUT, ' ')), 'holds a control character');
}

/** A string read as a time by `read`; absent or null is no time. */
export function time(read: (text: string) => TimeReading) {
  return z
    .string()
    .max(100, 'is longer than 100 characters')
    .transform((text, ctx): number | null => {
      const reading = read(text);
      if (reading.ok) return reading.ms;
      ctx.addIssue({ code: 'custom', message: reading.reason });
      return z.NEVER;
    })
    .nullish()
    .transform((ms) => ms ?? null);
}

/** A URL field: any string is taken, and kept only if it is http(s) (see `links.ts`). */
export const urlText = z.string().nullish().transform((s) => s ?? '');

/**
 * A map of names to strings (labels, annotations). Refused: more than 100 entries, a name that
 * is empty, longer than 200 characters, holds a control character, or reaches a prototype
 * (`__proto__`, `constructor`, `prototype`); a value over 10 000 characters. Label values are
 * one line; annotation values may hold line breaks. With `optional`, null or absent is empty.
 */
export function stringMap(kind: 'label' | 'annotation', options: { optional: boolean }) {
  // `optional()` first: zod calls the transform for an absent key only then, and it decides.
  return z.unknown().optional().transform((input, ctx): Record<string, string> => {
    if (input === undefined || input === null) {
      if (options.optional) return {};
      ctx.addIssue({ code: 'custom', message: input === undefined ? 'is required' : 'expected object, received null' });
      return z.NEVER;
    }
    if (typeof input !== 'object' || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: `expected object, received ${describeType(input)}` });
      return z.NEVER;
    }
    const keys = Object.keys(input);
    if (keys.length > INTAKE_LIMITS.mapEntries) {
      ctx.addIssue({ code: 'custom', message: `has more than ${INTAKE_LIMITS.mapEntries} entries` });
      return z.NEVER;
    }
    const out: Record<string, string> = {};
    let problems = 0;
    const refuse = (key: string, message: string) => {
      problems++;
      ctx.addIssue({ code: 'custom', message, path: [key] });
    };
    for (const key of keys) {
      const value = (input as Record<string, unknown>)[key];
      const keyProblem = nameProblem(key, kind);
      if (keyProblem) {
        refuse(key, keyProblem);
        continue;
      }
      if (typeof value !== 'string') refuse(key, `expected string, received ${describeType(value)}`);
      else if (value.length > INTAKE_LIMITS.valueLength) refuse(key, `is longer than ${INTAKE_LIMITS.valueLength} characters`);
      else if (kind === 'label' ? hasControlCharacter(value) : hasControlCharacter(value.replace(LAYOUT, ' '))) {
        refuse(key, kind === 'label' ? 'holds a line break or control character' : 'holds a control character');
      } else out[key] = value;
    }
    return problems > 0 ? z.NEVER : out;
  });
}

/** Why `key` cannot name a label or annotation, or null when it can. */
export function nameProblem(key: string, kind: 'label' | 'annotation'): string | null {
  if (key.length === 0) return `${kind} name is empty`;
  if (key.length > INTAKE_LIMITS.keyLength) return `${kind} name is longer than ${INTAKE_LIMITS.keyLength} characters`;
  if (hasControlCharacter(key)) return `${kind} name holds a control character`;
  if (FORBIDDEN_KEYS.has(key)) return `${kind} name is not allowed`;
  return null;
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * A list of which only the first `max` items are read: the rest are counted, not checked, so a
 * sender with more than we keep is heard rather than refused.
 */
export function cappedArray<T>(item: z.ZodType<T>, max: number) {
  const head = z.array(item);
  return z.array(z.unknown()).transform((all, ctx): { items: T[]; dropped: number } => {
    const parsed = head.safeParse(all.slice(0, max));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issueMessage(issue), path: issue.path });
      return z.NEVER;
    }
    return { items: parsed.data, dropped: Math.max(0, all.length - max) };
  });
}

/** The parsed value, or every problem (up to the limit) as `field.path: what is wrong`. */
export function answer<T, U>(schema: z.ZodType<T>, body: unknown, build: (parsed: T) => ParseResult<U>): ParseResult<U> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error.issues) };
  return build(parsed.data);
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const line = `${fieldPath(issue.path)}: ${issueMessage(issue)}`;
    if (!lines.includes(line)) lines.push(line);
    if (lines.length === INTAKE_LIMITS.errors) break;
  }
  return lines;
}

/** `alerts[2].labels["k8s.pod/name"]`: what a sender searches its payload for. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const name = String(part);
      if (/^[A-Za-z_$][\w$]{0,59}$/.test(name)) out += out ? `.${name}` : name;
      else out += `[${JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)}]`;
    }
  }
  return out || 'body';
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (/received undefined$/.test(issue.message)) return 'is required';
    return issue.message.replace(/^Invalid input: /, '');
  }
  if (issue.code === 'invalid_value' && issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}
