import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

// Bundles the Electron main process and the preload into out/. The renderer is Vite's job.
const root = fileURLToPath(new URL('..', import.meta.url));

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
};

// ESM like package.json's "type": the packages stay in node_modules, where electron-builder ships them.
const main = await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'out/main/main.js',
  format: 'esm',
  target: 'node22',
  packages: 'external',
});

// A sandboxed preload runs as one CommonJS file that may require nothing but 'electron'.
const preload = await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'out/preload/preload.cjs',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  // zod comes along with the contract's command list; minified, the page loads it faster.
  minify: true,
});

const strayRequires = externalImports(preload.metafile).filter((name) => name !== 'electron');
if (strayRequires.length > 0) {
  console.error(`The preload must bundle everything but electron; it still requires: ${strayRequires.join(', ')}`);
  process.exit(1);
}

for (const [file, output] of Object.entries({ ...main.metafile?.outputs, ...preload.metafile?.outputs })) {
  if (!file.endsWith('.map')) console.log(`built ${file} (${Math.round(output.bytes / 1024)} KiB)`);
}

function externalImports(metafile: Metafile | undefined): string[] {
  const names = new Set<string>();
  for (const output of Object.values(metafile?.outputs ?? {})) {
    for (const imported of output.imports) if (imported.external) names.add(imported.path);
  }
  return [...names];
}
