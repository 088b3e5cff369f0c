import { fail, ok, type Result } from '../contract/result';
import { ScenarioSchema } from './scenario-schema';
import type { Scenario } from './types';

/**
 * A scenario file as a facilitator writes it (JSON), read into a `Scenario` with errors that
 * name the field and the line: `line 14: injects[2].atMinute is after the drill's end (45 min)`.
 */

export const SCENARIO_FILE_MAX_BYTES = 256 * 1024;
const MAX_PROBLEMS = 10;
/** Deeper than any scenario needs, shallow enough that the scanner's recursion is safe. */
const MAX_DEPTH = 64;

export type JsonPath = ReadonlyArray<string | number>;

export type JsonScan =
  | { ok: true; lines: Map<string, number> }
  | { ok: false; line: number; column: number; message: string };

/** The key under which `jsonValueLines` records a path. */
export const pathKey = (path: JsonPath): string => JSON.stringify(path);

/**
 * Checks that `text` is one JSON value and records, for every path in it, the line (1-based)
 * where that path's value starts. A key given twice keeps its last line, as JSON.parse keeps
 * its last value. On a syntax error, says where (line and column, 1-based) and what was expected.
 */
export function jsonValueLines(text: string): JsonScan {
  const starts = lineStarts(text);
  const lines = new Map<string, number>();
  let pos = 0;

  class SyntaxProblem {
    constructor(
      readonly at: number,
      readonly message: string,
    ) {}
  }
  const problem = (message: string, at = pos): never => {
    throw new SyntaxProblem(at, message);
  };
  const describe = (at: number) => (at >= text.length ? 'the end of the file' : `"${text[at]}"`);

  const skipSpace = () => {
    while (pos < text.length) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') pos++;
      else break;
    }
  };

  const scanString = () => {
    pos++; // the opening quote
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (code === 0x22) {
        pos++;
        return;
      }
      if (code < 0x20) problem('a line break or control character inside a string (write it as \\n)');
      if (code === 0x5c) {
        const next = text[pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) problem('a \\u escape needs four hex digits');
          pos += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) pos += 2;
        else problem(`an unknown escape \\${next ?? ''} in a string`);
      } else pos++;
    }
    problem('a string that is never closed (a missing ")');
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const scanValue = (path: Array<string | number>, depth: number): void => {
    skipSpace();
    if (depth > MAX_DEPTH) problem(`values nested deeper than ${MAX_DEPTH} levels`);
    lines.set(pathKey(path), lineAt(starts, pos));
    const c = text[pos];
    if (c === '{') return scanObject(path, depth);
    if (c === '[') return scanArray(path, depth);
    if (c === '"') return scanString();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return;
      }
    }
    NUMBER.lastIndex = pos;
    if (NUMBER.exec(text)) {
      pos = NUMBER.lastIndex;
      return;
    }
    if (c === "'") problem('a string in single quotes (JSON needs double quotes)');
    problem(`expected a value, found ${describe(pos)}`);
  };

  const scanObject = (path: Array<string | number>, depth: number) => {
    pos++;
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] !== '"') problem(text[pos] === '}' ? 'a comma before "}" (JSON allows no trailing comma)' : `expected a field name in double quotes, found ${describe(pos)}`);
      const keyStart = pos;
      scanString();
      const key = JSON.parse(text.slice(keyStart, pos)) as string;
      skipSpace();
      if (text[pos] !== ':') problem(`expected ":" after the field name "${key}", found ${describe(pos)}`);
      pos++;
      scanValue([...path, key], depth + 1);
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      problem(`expected "," or "}" after the value of "${key}", found ${describe(pos)}`);
    }
  };

  const scanArray = (path: Array<string | number>, depth: number) => {
    pos++;
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (let index = 0; ; index++) {
      skipSpace();
      if (text[pos] === ']') problem('a comma before "]" (JSON allows no trailing comma)');
      scanValue([...path, index], depth + 1);
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return;
      }
      problem(`expected "," or "]" after item ${index + 1} of a list, found ${describe(pos)}`);
    }
  };

  try {
    scanValue([], 0);
    skipSpace();
    if (pos < text.length) problem(`unexpected ${describe(pos)} after the end of the JSON value`);
    return { ok: true, lines };
  } catch (thrown) {
    if (!(thrown instanceof SyntaxProblem)) throw thrown;
    const line = lineAt(starts, thrown.at);
    return { ok: false, line, column: thrown.at - (starts[line - 1] ?? 0) + 1, message: thrown.message };
  }
}

/** Offsets where each line begins: after "\n", or after a lone "\r". */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** UTF-8 length without TextEncoder (not part of the language, and `shared/` stays pure). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `injects[2].atMinute`; the root is "the scenario". */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || 'the scenario';
}

interface Issue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  keys?: readonly string[];
  input?: unknown;
}

/** The line of a path, or of its nearest ancestor present in the file (a missing field). */
function lineOf(lines: Map<string, number>, path: JsonPath): number {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(pathKey(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return 1;
}

function describeIssue(issue: Issue, lines: Map<string, number>): Array<{ line: number; text: string }> {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const where = path.length ? ` in ${formatPath(path)}` : '';
    return issue.keys.map((key) => ({ line: lineOf(lines, [...path, key]), text: `unknown field "${key}"${where}` }));
  }
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  const message = missing ? 'is missing' : issue.message.replace(/^Invalid input: /, '').replace(/^Invalid option: /, '');
  return [{ line: lineOf(lines, path), text: `${formatPath(path)} ${message}` }];
}

export function parseScenarioFile(input: string): Result<Scenario> {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const bytes = utf8Length(text);
  if (bytes > SCENARIO_FILE_MAX_BYTES) {
    return fail('INVALID_INPUT', `The scenario file is ${Math.ceil(bytes / 1024)} KiB; the limit is ${SCENARIO_FILE_MAX_BYTES / 1024} KiB.`);
  }
  if (text.trim() === '') return fail('INVALID_INPUT', 'The scenario file is empty.');
  const scan = jsonValueLines(text);
  if (!scan.ok) return fail('INVALID_INPUT', `The scenario file is not valid JSON: line ${scan.line}, column ${scan.column}: ${scan.message}.`);
  const parsed = ScenarioSchema.safeParse(JSON.parse(text));
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues
    .flatMap((issue) => describeIssue(issue as Issue, scan.lines))
    .sort((a, b) => a.line - b.line);
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `line ${p.line}: ${p.text}`);
  const more = problems.length - shown.length;
  const head = problems.length === 1 ? 'The scenario file has a problem:' : `The scenario file has ${problems.length} problems:`;
  return fail('INVALID_INPUT', [head, ...shown, ...(more > 0 ? [`…and ${more} more.`] : [])].join('\n'));
}
