// @ts-check
// The renderer build (`npm run build:renderer`, Vite) as a job for buildIfStale.
import { spawnSync } from 'node:child_process';

/**
 * Inputs: the renderer's sources and Vite config, the shared code it imports, and the lockfile
 * (a changed dependency changes the bundle). The stamp is kept outside out/renderer, which
 * the host serves.
 * @param {string} root the repository
 * @returns {import('./build-stamp.mjs').BuildJob}
 */
export function rendererBuild(root) {
  return {
    root,
    inputs: ['renderer', 'shared', 'package-lock.json'],
    stamp: 'out/.stamps/renderer',
    outputs: ['out/renderer/index.html'],
    build: () => runNpm(root, ['run', 'build:renderer', '--silent']),
  };
}

/**
 * @param {string} root
 * @param {string[]} npmArgs
 * @returns {boolean}
 */
function runNpm(root, npmArgs) {
  // Under `npm run`, npm_execpath is npm's own script: run it with this Node, no shell needed.
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, ...npmArgs], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', npmArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}
