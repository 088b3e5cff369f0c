// Enforces the runtime layers of DESIGN.md, in the spirit of VS Code's code-layering
// lint and Signal's file suffixes:
//   shared/        pure TypeScript: no Node, no Electron, no DOM, no UI libraries
//   electron/core  Node, never `electron`
//   renderer/      DOM, never Node or Electron (it reaches the engine through shared/contract)
//   only electron/main.ts, electron/preload.ts and electron/main/** import `electron`
//   only electron/preload.ts touches the raw IPC renderer object
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  line: number;
  found: string;
  rule: string;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SKIPPED_DIRS = new Set([
  'node_modules',
  'out',
  'dist',
  'release',
  'test-results',
  'playwright-report',
  'coverage',
]);
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
// Spelled in two halves so this file does not trip its own rule.
const IPC_RENDERER = ['ipc', 'Renderer'].join('');

// ---- reading sources ------------------------------------------------------------------

interface Masked {
  /** The source with comments blanked; strings intact. */
  code: string;
  /** The source with comments and the contents of strings, templates and regexes blanked. */
  bare: string;
}

const REGEX_MAY_FOLLOW = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

/**
 * Blanks comments (and, in `bare`, literal contents) with spaces, keeping every offset
 * and newline, so a regex over `bare` finds only real code and offsets map back to
 * `code` and to line numbers.
 */
export function maskSource(text: string): Masked {
  const code = text.split('');
  const bare = text.split('');
  const blank = (from: number, to: number, both: boolean): void => {
    for (let i = from; i < to; i++) {
      if (text[i] === '\n') continue;
      bare[i] = ' ';
      if (both) code[i] = ' ';
    }
  };
  // Each open template literal pushes the brace depth at which its `${` began.
  const templates: number[] = [];
  let braceDepth = 0;
  let i = 0;
  let lastSignificant = '';
  let lastWord = '';

  const scanTemplate = (start: number): number => {
    let j = start;
    while (j < text.length) {
      const ch = text[j];
      if (ch === '\\') {
        j += 2;
        continue;
      }
      if (ch === '`') {
        blank(start, j, false);
        return j + 1;
      }
      if (ch === '$' && text[j + 1] === '{') {
        blank(start, j, false);
        templates.push(braceDepth);
        braceDepth++;
        return j + 2;
      }
      j++;
    }
    blank(start, j, false);
    return j;
  };

  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop, true);
      i = stop;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop, true);
      i = stop;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      blank(i + 1, Math.min(j, text.length), false);
      i = j + 1;
      lastSignificant = ch;
      continue;
    }
    if (ch === '`') {
      i = scanTemplate(i + 1);
      lastSignificant = '`';
      continue;
    }
    if (/[\w$]/.test(ch)) {
      let j = i + 1;
      while (j < text.length && /[\w$]/.test(text[j]!)) j++;
      lastWord = text.slice(i, j);
      lastSignificant = 'w';
      i = j;
      continue;
    }
    if (ch === '/') {
      // A slash starts a regex where an operand is expected, and divides after one.
      const regexAllowed =
        lastSignificant === '' ||
        REGEX_MAY_FOLLOW.has(lastSignificant) ||
        (lastSignificant === 'w' && REGEX_KEYWORDS.has(lastWord));
      if (regexAllowed) {
        let j = i + 1;
        let inClass = false;
        while (j < text.length && text[j] !== '\n') {
          const c = text[j];
          if (c === '\\') {
            j += 2;
            continue;
          }
          if (c === '[') inClass = true;
          else if (c === ']') inClass = false;
          else if (c === '/' && !inClass) break;
          j++;
        }
        blank(i + 1, j, false);
        i = j + 1;
        lastSignificant = '/';
        continue;
      }
    }
    if (ch === '{') braceDepth++;
    if (ch === '}') {
      braceDepth--;
      if (templates.length > 0 && templates[templates.length - 1] === braceDepth) {
        templates.pop();
        i = scanTemplate(i + 1);
        lastSignificant = '`';
        continue;
      }
    }
    if (!/\s/.test(ch)) lastSignificant = ch;
    i++;
  }
  return { code: code.join(''), bare: bare.join('') };
}

export interface ImportSite {
  specifier: string;
  line: number;
}

// Matched against `bare`, where every string is blank, so only real code matches:
// `import x from 'm'`, `import type {X} from 'm'`, `export * from 'm'`, `export {a} from 'm'`,
// `import 'm'`, `import('m')` (also in type positions), `require('m')`, `require.resolve('m')`.
const IMPORT_SITE = /(?<![\w$.])(?:from\s*|import\s*(?:\(\s*)?|require\s*(?:\.\s*resolve\s*)?\(\s*)(['"`])/g;

export function findImports(text: string): ImportSite[] {
  const { code, bare } = maskSource(text);
  const sites: ImportSite[] = [];
  for (const match of bare.matchAll(IMPORT_SITE)) {
    const quote = match[1]!;
    const open = match.index + match[0].length - 1;
    const close = code.indexOf(quote, open + 1);
    if (close === -1) continue;
    const specifier = code.slice(open + 1, close);
    if (quote === '`' && specifier.includes('${')) continue; // not a static specifier
    sites.push({ specifier, line: lineOf(text, open) });
  }
  return sites;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// ---- classifying specifiers -----------------------------------------------------------

const NODE_BUILTINS = new Set(builtinModules);

function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  return NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]!);
}

/** True when `specifier` is package `name` or a subpath of it. */
function isPackage(specifier: string, name: string): boolean {
  return specifier === name || specifier.startsWith(`${name}/`);
}

const UI_PACKAGES = ['react', 'react-dom', 'recharts', '@tanstack/react-virtual', '@radix-ui'];

/** Repository-relative target of a relative specifier, or undefined for a bare one. */
function resolveRelative(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
}

function isUnder(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

function isTestFile(path: string): boolean {
  return isUnder(path, 'tests') || /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(path);
}

/** Build and tool configuration runs in Node even when it sits in a browser folder. */
function isToolConfig(path: string): boolean {
  return /(?:^|\/)[\w.-]+\.config\.[cm]?[jt]s$/.test(path);
}

const ELECTRON_HOSTS = ['electron/main.ts', 'electron/preload.ts'];

function mayImportElectron(path: string): boolean {
  if (ELECTRON_HOSTS.includes(path) || isUnder(path, 'electron/main')) return true;
  // Node-side tooling may import `electron` for the path of its binary (to spawn or
  // launch it); it never runs inside the app.
  return isUnder(path, 'scripts') || isUnder(path, 'tests/e2e') || (isToolConfig(path) && !path.includes('/'));
}

// ---- the rules ------------------------------------------------------------------------

function importViolation(file: string, specifier: string): string | undefined {
  const target = resolveRelative(file, specifier);
  const electronPackage = isPackage(specifier, 'electron');

  if (isUnder(file, 'shared')) {
    if (isNodeBuiltin(specifier) && !isTestFile(file)) return 'shared/ must not import Node builtins';
    if (electronPackage || isPackage(specifier, 'electron-store')) return 'shared/ must not import Electron';
    if (isPackage(specifier, 'conf') || isPackage(specifier, 'ws')) return 'shared/ must not import host libraries (conf, ws)';
    if (UI_PACKAGES.some((name) => isPackage(specifier, name))) return 'shared/ must not import React or UI libraries';
    if (target && isUnder(target, 'electron')) return 'shared/ must not import from electron/';
    if (target && isUnder(target, 'renderer')) return 'shared/ must not import from renderer/';
  }
  if (isUnder(file, 'electron/core')) {
    if (electronPackage || isPackage(specifier, 'electron-store')) return 'electron/core must not import electron or electron-store';
    if (target && isUnder(target, 'renderer')) return 'electron/core must not import from renderer/';
    // The engine knows team sync only through its port; PostgreSQL is one adapter behind it.
    if (!isUnder(file, 'electron/core/sync/pg') && !isTestFile(file)) {
      if (isPackage(specifier, 'pg')) return 'only electron/core/sync/pg/** may import pg: the engine knows the sync port, not PostgreSQL';
      if (target && isUnder(target, 'electron/core/sync/pg')) return 'only the hosts and tests may pick the PostgreSQL adapter; the engine knows the sync port';
    }
  }
  if (isUnder(file, 'renderer') && !isToolConfig(file)) {
    if (isNodeBuiltin(specifier)) return 'renderer/ must not import Node builtins';
    if (electronPackage) return 'renderer/ must not import electron';
    if (target && isUnder(target, 'electron')) return 'renderer/ must not import from electron/';
  }
  if (electronPackage && !mayImportElectron(file)) {
    return 'only electron/main.ts, electron/preload.ts and electron/main/** may import electron';
  }
  return undefined;
}

const DOM_GLOBAL = /(?<![\w$.])(?:window|document)\s*\??\./g;
const IPC_RENDERER_WORD = new RegExp(`(?<![\\w$])${IPC_RENDERER}(?![\\w$])`, 'g');

export function checkLayering(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const { path, text } of files) {
    for (const site of findImports(text)) {
      const rule = importViolation(path, site.specifier);
      if (rule) violations.push({ file: path, line: site.line, found: site.specifier, rule });
    }
    const { code, bare } = maskSource(text);
    if (isUnder(path, 'shared')) {
      for (const match of bare.matchAll(DOM_GLOBAL)) {
        violations.push({
          file: path,
          line: lineOf(text, match.index),
          found: match[0].replace(/\s+/g, ''),
          rule: 'shared/ must not use DOM globals (rename a local called window or document)',
        });
      }
    }
    // Strings count (a channel lookup by name is still raw IPC); comments do not.
    // Tests may name it to assert it is absent.
    if (path !== 'electron/preload.ts' && !isTestFile(path)) {
      for (const match of code.matchAll(IPC_RENDERER_WORD)) {
        violations.push({
          file: path,
          line: lineOf(text, match.index),
          found: IPC_RENDERER,
          rule: `only electron/preload.ts may use ${IPC_RENDERER}`,
        });
      }
    }
  }
  return violations;
}

export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `  ${v.file}:${v.line} → ${v.found}   (${v.rule})`).join('\n');
}

// ---- the tree -------------------------------------------------------------------------

function collectSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) {
        files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return files;
}

// ---- tests ----------------------------------------------------------------------------

describe('layering', () => {
  it('finds every form of import specifier', () => {
    const source = [
      `import a from 'one';`,
      `import type { B } from "two";`,
      `import {`,
      `  c,`,
      `  d,`,
      `} from './three';`,
      `import 'four';`,
      `export * from 'five';`,
      `export * as six from 'six';`,
      `export { type Seven } from 'seven';`,
      'const eight = await import(`eight`);',
      `const nine = require('nine');`,
      `type Ten = import('ten').Ten;`,
      `import eleven = require('eleven');`,
    ].join('\n');
    expect(findImports(source)).toEqual([
      { specifier: 'one', line: 1 },
      { specifier: 'two', line: 2 },
      { specifier: './three', line: 6 },
      { specifier: 'four', line: 7 },
      { specifier: 'five', line: 8 },
      { specifier: 'six', line: 9 },
      { specifier: 'seven', line: 10 },
      { specifier: 'eight', line: 11 },
      { specifier: 'nine', line: 12 },
      { specifier: 'ten', line: 13 },
      { specifier: 'eleven', line: 14 },
    ]);
  });

  it('ignores look-alikes in comments, strings, templates and regexes', () => {
    const source = [
      `// import fs from 'fs';`,
      `/* require('child_process') */`,
      `const note = "copied from 'fs' by the scribe";`,
      'const line = `logged from ${"window"} and import("os")`;',
      `const pattern = /from 'path'/;`,
      `const ratio = total / count; const half = ratio / 2;`,
      `Array.from('abc'); context.require('x'); this.window.focus();`,
      `// the cadence window. document. ${IPC_RENDERER}`,
    ].join('\n');
    expect(findImports(source)).toEqual([]);
    expect(checkLayering([{ path: 'shared/domain/notes.ts', text: source }])).toEqual([]);
  });

  it('flags each forbidden edge (so the tree check cannot pass vacuously)', () => {
    const bad: SourceFile[] = [
      { path: 'shared/domain/a.ts', text: `import { readFileSync } from 'fs';` },
      { path: 'shared/domain/b.ts', text: `import type { Stats } from 'node:fs';` },
      { path: 'shared/domain/c.ts', text: `const cp = require('child_process');` },
      { path: 'shared/domain/d.ts', text: `export * from '../../electron/core/engine-types';` },
      { path: 'shared/domain/e.ts', text: `const ui = await import('../../renderer/app');` },
      { path: 'shared/domain/f.ts', text: `import Store from 'electron-store';` },
      { path: 'shared/domain/g.ts', text: `import Conf from 'conf';` },
      { path: 'shared/domain/h.ts', text: `import { WebSocket } from 'ws';` },
      { path: 'shared/domain/i.ts', text: `import { useState } from 'react';` },
      { path: 'shared/domain/j.ts', text: `export const title = () => document.title;` },
      { path: 'shared/domain/k.ts', text: `export const width = () => window.innerWidth;` },
      { path: 'shared/domain/l.ts', text: `import 'os';` },
      { path: 'electron/core/a.ts', text: `import { app } from 'electron';` },
      { path: 'electron/core/b.ts', text: `import type Store from 'electron-store';` },
      { path: 'electron/core/c.ts', text: `import { draw } from '../../renderer/draw';` },
      { path: 'electron/core/engine.ts', text: `import pg from 'pg';` },
      { path: 'electron/core/sync/team-sync.ts', text: `import { createPgPort } from './pg/pg-port';` },
      { path: 'renderer/src/a.tsx', text: `import { join } from 'node:path';` },
      { path: 'renderer/src/b.tsx', text: `import { readFile } from 'fs/promises';` },
      { path: 'renderer/src/c.tsx', text: `import { ${IPC_RENDERER} as ipc } from 'electron';` },
      { path: 'renderer/src/d.tsx', text: `import type { Engine } from '../../electron/core/engine-types';` },
      { path: 'electron/host-web/server.ts', text: `import { BrowserWindow } from 'electron';` },
      { path: 'electron/main/window.ts', text: `window.${IPC_RENDERER}.send('x');` },
    ];
    const flagged = new Set(checkLayering(bad).map((v) => v.file));
    expect(bad.map((f) => f.path).filter((p) => !flagged.has(p))).toEqual([]);

    const violation = checkLayering([{ path: 'shared/x.ts', text: `\n\nimport fs from 'node:fs';` }])[0];
    expect(violation).toMatchObject({ file: 'shared/x.ts', line: 3, found: 'node:fs' });
    expect(formatViolations([violation!])).toContain('shared/x.ts:3 → node:fs');
  });

  it('allows the edges the design permits', () => {
    const good: SourceFile[] = [
      { path: 'shared/contract/schemas.ts', text: `import { z } from 'zod';\nimport type { E } from '../domain/events';` },
      { path: 'shared/domain/reducer.test.ts', text: `import { readFileSync } from 'node:fs';` },
      { path: 'electron/core/journal.ts', text: `import { open } from 'node:fs/promises';\nimport Conf from 'conf';` },
      { path: 'electron/core/engine.ts', text: `import type { Result } from '../../shared/contract/result';` },
      { path: 'electron/main.ts', text: `import { app, BrowserWindow } from 'electron';` },
      { path: 'electron/main/security.ts', text: `import { session } from 'electron';\nimport Store from 'electron-store';` },
      { path: 'electron/preload.ts', text: `import { contextBridge, ${IPC_RENDERER} } from 'electron';` },
      { path: 'electron/host-web/server.ts', text: `import { WebSocketServer } from 'ws';\nimport http from 'node:http';` },
      { path: 'renderer/src/app.tsx', text: `import { useState } from 'react';\nimport type { Api } from '../../shared/contract/api';` },
      { path: 'renderer/vite.config.ts', text: `import { fileURLToPath } from 'node:url';` },
      { path: 'tests/e2e/security.spec.ts', text: `expect(typeof window.${IPC_RENDERER}).toBe('undefined');` },
    ];
    expect(formatViolations(checkLayering(good))).toBe('');
  });

  it('holds for every source file in the repository', () => {
    const files = collectSources(REPO_ROOT);
    expect(files.filter((f) => isUnder(f.path, 'shared')).length, 'no files seen in shared/').toBeGreaterThan(0);
    expect(files.filter((f) => isUnder(f.path, 'electron/core')).length, 'no files seen in electron/core/').toBeGreaterThan(0);
    expect(files.some((f) => f.path.startsWith('node_modules/'))).toBe(false);

    const violations = checkLayering(files);
    if (violations.length > 0) {
      throw new Error(`Layering violations (${violations.length}):\n${formatViolations(violations)}`);
    }
  });
});
