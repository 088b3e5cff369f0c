import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAD_DEPLOY } from './builtin/bad-deploy';
import { formatPath, jsonValueLines, parseScenarioFile, pathKey, utf8Length, type JsonPath } from './scenario-file';

function errorOf(text: string): string {
  const result = parseScenarioFile(text);
  if (result.ok) throw new Error('expected an error');
  expect(result.error.code).toBe('INVALID_INPUT');
  return result.error.message;
}

/** The line of `needle`'s first occurrence in `text`, for writing expectations by content. */
const lineOfText = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('parseScenarioFile', () => {
  const good = JSON.stringify(BAD_DEPLOY, null, 2);

  it('reads a valid file, with or without a byte-order mark', () => {
    expect(parseScenarioFile(good)).toEqual({ ok: true, value: BAD_DEPLOY });
    expect(parseScenarioFile('\uFEFF' + good)).toEqual({ ok: true, value: BAD_DEPLOY });
  });

  it("names the field and the line: an inject after the drill's end", () => {
    const late = structuredClone(BAD_DEPLOY);
    late.injects[2]!.atMinute = 50;
    const text = JSON.stringify(late, null, 2);
    expect(errorOf(text)).toContain(`line ${lineOfText(text, '"atMinute": 50')}: injects[2].atMinute is after the drill's end (45 min)`);
  });

  it('says what a condition may be when it is none of them', () => {
    const odd = structuredClone(BAD_DEPLOY) as unknown as { injects: Array<Record<string, unknown>> };
    odd.injects[1]!.when = { notReachd: 'mitigated' };
    const text = JSON.stringify(odd, null, 2);
    expect(errorOf(text)).toContain(`line ${lineOfText(text, '"notReachd"') - 1}: injects[1].when must be one of {"notReached": "mitigated"}`);
  });

  it('names a wrong type, a bad enum, an unknown field and a missing field, each on its line, in line order', () => {
    const text = [
      '{', //                                   1
      '  "id": "x",', //                        2
      '  "name": 42,', //                       3
      '  "summary": "s",', //                   4
      '  "services": ["api"],', //              5
      '  "expectedSeverity": "SEV9",', //       6
      '  "durationMinutes": 30,', //            7
      '  "colour": "red",', //                  8
      '  "injects": [', //                      9
      '    { "id": "a", "kind": "alert",', //   10
      '      "atMinute": 1, "text": "t" }', //  11
      '  ]', //                                 12
      '}',
    ].join('\n');
    const message = errorOf(text);
    const lines = message.split('\n');
    expect(lines[0]).toBe('The scenario file has 4 problems:');
    expect(lines.slice(1)).toEqual([
      'line 3: name expected string, received number',
      'line 6: expectedSeverity expected one of "SEV1"|"SEV2"|"SEV3"|"SEV4"',
      'line 8: unknown field "colour"',
      'line 10: injects[0].alert is required for an alert inject',
    ]);
    expect(errorOf('{"id":"x"}')).toMatch(/^line 1: name is missing$/m);
  });

  it('lists at most ten problems and says how many more there are', () => {
    const many = structuredClone(BAD_DEPLOY) as unknown as { injects: Array<Record<string, unknown>> };
    many.injects = Array.from({ length: 15 }, (_, i) => ({ id: `i${i}`, kind: 'finding', atMinute: -1, text: 'x' }));
    const message = errorOf(JSON.stringify(many, null, 2));
    expect(message.split('\n').filter((l) => l.startsWith('line '))).toHaveLength(10);
    expect(message).toMatch(/^The scenario file has 15 problems:/);
    expect(message).toMatch(/…and 5 more\.$/);
  });

  it('gives the line and column of a JSON syntax error', () => {
    expect(errorOf('{\n  "id": "x",\n  "name": "n",\n}')).toBe(
      'The scenario file is not valid JSON: line 4, column 1: a comma before "}" (JSON allows no trailing comma).',
    );
    expect(errorOf('{\n  "id": "x"\n  "name": "n"\n}')).toMatch(/line 3, column 3: expected "," or "}" after the value of "id"/);
    expect(errorOf("{'id': 1}")).toMatch(/line 1, column 2: expected a field name in double quotes/);
    expect(errorOf('{"id": "x"')).toMatch(/line 1, column 11: expected "," or "}" after the value of "id", found the end of the file/);
    expect(errorOf('{"id": "a\nb"}')).toMatch(/line 1, column 10: a line break/);
    expect(errorOf('{} {}')).toMatch(/column 4: unexpected "\{" after the end/);
  });

  it('refuses an empty file, a file over 256 KiB, and a value that is not a scenario', () => {
    expect(errorOf('  \n')).toBe('The scenario file is empty.');
    expect(errorOf(' '.repeat(256 * 1024 + 1) + '{}')).toBe('The scenario file is 257 KiB; the limit is 256 KiB.');
    // Exactly at the limit is read (and then judged on its content).
    expect(errorOf('[]' + ' '.repeat(256 * 1024 - 2))).toMatch(/^line 1: the scenario expected object, received array$/m);
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(errorOf('['.repeat(100_000))).toMatch(/nested deeper than 64 levels/);
  });
});

describe('utf8Length and formatPath', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('漢')).toBe(3);
    expect(utf8Length('🚨')).toBe(4);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => utf8Length(s) === Buffer.byteLength(s, 'utf8')));
  });

  it('writes paths as a reader would', () => {
    expect(formatPath([])).toBe('the scenario');
    expect(formatPath(['injects', 2, 'alert', 'labels', 'alertname'])).toBe('injects[2].alert.labels.alertname');
  });
});

// An independent printer: it writes a JSON value with arbitrary whitespace (line breaks included)
// between tokens, and records the line each path's value starts on.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function printWithLines(value: Json, gaps: () => string): { text: string; lines: Map<string, number> } {
  let text = '';
  let line = 1;
  const lines = new Map<string, number>();
  const put = (s: string) => {
    text += s;
    line += s.split(/\r\n|\n|\r/).length - 1;
  };
  const walk = (v: Json, path: JsonPath) => {
    put(gaps());
    lines.set(pathKey(path), line);
    if (Array.isArray(v)) {
      put('[');
      v.forEach((item, i) => {
        if (i > 0) put(gaps() + ',');
        walk(item, [...path, i]);
      });
      put(gaps() + ']');
    } else if (v !== null && typeof v === 'object') {
      put('{');
      Object.entries(v).forEach(([k, item], i) => {
        if (i > 0) put(gaps() + ',');
        put(gaps() + JSON.stringify(k) + gaps() + ':');
        walk(item, [...path, k]);
      });
      put(gaps() + '}');
    } else put(JSON.stringify(v));
  };
  walk(value, []);
  put(gaps());
  return { text, lines };
}

function allPaths(value: unknown, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => allPaths(v, [...path, i]))];
  if (value !== null && typeof value === 'object') return [path, ...Object.entries(value).flatMap(([k, v]) => allPaths(v, [...path, k]))];
  return [path];
}

describe('jsonValueLines', () => {
  const json = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>;

  it('maps every path of a pretty-printed value to the line where JSON.stringify put it', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(value, null, 2);
        const scan = jsonValueLines(text);
        if (!scan.ok) throw new Error(scan.message);
        const textLines = text.split('\n');
        for (const path of allPaths(JSON.parse(text))) {
          const line = scan.lines.get(pathKey(path))!;
          // The value's own text starts that line (after the indent and, in an object, its key).
          const last = path[path.length - 1];
          const prefix = typeof last === 'string' ? `${JSON.stringify(last)}: ` : '';
          const rendered = JSON.stringify(path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], JSON.parse(text)), null, 2);
          expect(textLines[line - 1]!.trimStart().startsWith(prefix + rendered.split('\n')[0])).toBe(true);
        }
      }),
    );
  });

  it('puts every path of a minified value on line 1', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(value);
        const scan = jsonValueLines(text);
        if (!scan.ok) throw new Error(scan.message);
        const paths = allPaths(JSON.parse(text));
        expect(paths.every((p) => scan.lines.get(pathKey(p)) === 1)).toBe(true);
        expect(scan.lines.size).toBe(new Set(paths.map(pathKey)).size);
      }),
    );
  });

  it('agrees with an independent printer on any whitespace between tokens', () => {
    const gap = fc.constantFrom('', ' ', '\n', '\r\n', '\r', '\t\n  ', '\n\n');
    fc.assert(
      fc.property(json, fc.infiniteStream(gap), (value, stream) => {
        const gaps = stream[Symbol.iterator]();
        const printed = printWithLines(value, () => gaps.next().value as string);
        const scan = jsonValueLines(printed.text);
        if (!scan.ok) throw new Error(`${scan.message} at ${scan.line}:${scan.column}`);
        expect(JSON.stringify(JSON.parse(printed.text))).toBe(JSON.stringify(value));
        expect(scan.lines).toEqual(printed.lines);
      }),
    );
  });

  it('accepts exactly what JSON.parse accepts', () => {
    const almostJson = fc.oneof(
      fc.json(),
      fc.json().chain((t) => fc.nat(t.length).chain((i) => fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '0', '-', '.').map((c) => t.slice(0, i) + c + t.slice(i + 1)))),
      fc.string(),
    );
    fc.assert(
      fc.property(almostJson, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(jsonValueLines(text).ok).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });
});
