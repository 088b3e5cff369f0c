// @ts-check
// The browser host bundled into one ESM file (out/host-web/cli.mjs), so that `npm run serve`
// starts it with plain Node instead of transpiling ~130 TypeScript files through tsx on every
// start. Packages stay in node_modules, as in the Electron main bundle.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const HOST_ENTRY = 'electron/host-web/cli.ts';
export const HOST_BUNDLE = 'out/host-web/cli.mjs';

/**
 * A few modules find files beside their source (`new URL('../../out/renderer', import.meta.url)`,
 * the SQL migrations): each keeps its own source file's URL in the bundle, so those paths
 * resolve as they do under tsx.
 * @type {import('esbuild').Plugin}
 */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

/**
 * Inputs: everything under electron/ and shared/ (the host bundles the engine), the lockfile
 * and this recipe.
 * @param {string} root the repository
 * @returns {import('./build-stamp.mjs').BuildJob}
 */
export function hostBuild(root) {
  return {
    root,
    inputs: ['electron', 'shared', 'package-lock.json', 'scripts/build-host.mjs'],
    stamp: 'out/.stamps/host-web',
    outputs: [HOST_BUNDLE],
    build: () => buildHost(root),
  };
}

/**
 * @param {string} root the repository
 * @returns {Promise<boolean>}
 */
async function buildHost(root) {
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [HOST_ENTRY],
      outfile: HOST_BUNDLE,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
      legalComments: 'none',
      plugins: [keepSourceUrls],
    });
    return true;
  } catch (error) {
    console.error(`Building the host failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
