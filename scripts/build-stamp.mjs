// @ts-check
// Build only when the sources changed: a stamp beside the build holds a fingerprint of its
// inputs (every file's path, size and modification time), written once the build succeeded.
// Plain JavaScript, so that `npm run serve` can check it without starting a TypeScript loader.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Every file under `inputs` (paths relative to `root`; folders are walked, skipping
 * node_modules and dot-folders), by path, size and modification time, hashed. A changed, added
 * or removed file changes it; a missing input counts as a change too.
 * @param {string} root
 * @param {readonly string[]} inputs
 * @returns {string}
 */
export function inputsFingerprint(root, inputs) {
  const hash = createHash('sha256');
  /** @param {string} path */
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      hash.update(`missing ${relative(root, path)}\n`);
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(join(path, name));
      }
    } else {
      hash.update(`${relative(root, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const input of inputs) visit(join(root, input));
  return hash.digest('hex');
}

/**
 * @typedef {{ root: string, inputs: readonly string[], stamp: string, outputs: readonly string[], build: () => boolean | Promise<boolean> }} BuildJob
 */

/**
 * Runs `build` unless the stamp holds the inputs' fingerprint and every output is there. The
 * stamp is removed before building and written after, so a build that fails or is cut off
 * is done again next time.
 * @param {BuildJob} job
 * @returns {Promise<{ ok: boolean, built: boolean, ms: number }>}
 */
export async function buildIfStale(job) {
  const started = performance.now();
  const stampPath = join(job.root, job.stamp);
  const before = inputsFingerprint(job.root, job.inputs);
  const outputsThere = job.outputs.every((output) => exists(join(job.root, output)));
  if (outputsThere && readStamp(stampPath) === before) return { ok: true, built: false, ms: performance.now() - started };
  rmSync(stampPath, { force: true });
  if (!(await job.build())) return { ok: false, built: true, ms: performance.now() - started };
  // Sources edited during the build make the next start build again.
  if (inputsFingerprint(job.root, job.inputs) === before) {
    mkdirSync(dirname(stampPath), { recursive: true });
    writeFileSync(stampPath, `${before}\n`);
  }
  return { ok: true, built: true, ms: performance.now() - started };
}

/** @param {string} path */
function readStamp(path) {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** @param {string} path */
function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
