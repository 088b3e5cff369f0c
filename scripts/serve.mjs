// @ts-check
// `npm run serve [-- --port N --data-dir DIR …]`: the browser host. The renderer and the host
// bundle are rebuilt only when their sources changed since the last good build (see
// build-stamp.mjs), so an unchanged checkout starts at once and a running host's files are left
// alone. Plain JavaScript: a TypeScript loader would cost more than the whole start.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HOST_BUNDLE, hostBuild } from './build-host.mjs';
import { rendererBuild } from './build-renderer.mjs';
import { buildIfStale } from './build-stamp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (!(await buildIfStale(rendererBuild(root))).ok) fail('The renderer build failed; see above.');
if (!(await buildIfStale(hostBuild(root))).ok) fail('The host build failed; see above.');

// Stack traces name the TypeScript sources, not the bundle's lines.
process.setSourceMapsEnabled(true);
// The host reads its flags from process.argv, which npm passed through unchanged.
await import(pathToFileURL(join(root, HOST_BUNDLE)).href);

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(message);
  process.exit(1);
}
