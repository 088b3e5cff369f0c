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
  // It takes only the list of command names (shared/contract/command-names.ts), never the
  // contract's schemas; minified all the same, the page loads it faster.
  minify: true,
});

const strayRequires = externalImports(preload.metafile).filter((name) => name !== 'electron');
if (strayRequires.length > 0) {
  console.error(`The preload must bundle everything but electron; it still requires: ${strayRequires.join(', ')}`);
  process.exit(1);
}

// Two functions over a list of names: anything much bigger has pulled the contract's zod schemas in again.
const PRELOAD_LIMIT_BYTES = 16 * 1024;
const preloadBytes = Object.entries(preload.metafile?.outputs ?? {}).find(([file]) => file.endsWith('.cjs'))?.[1].bytes ?? 0;
if (preloadBytes > PRELOAD_LIMIT_BYTES) {
  const inputs = Object.keys(preload.metafile?.inputs ?? {}).filter((file) => !file.includes('node_modules'));
  console.error(`The preload is ${Math.round(preloadBytes / 1024)} KiB (limit ${PRELOAD_LIMIT_BYTES / 1024} KiB); it bundles: ${inputs.join(', ')}`);
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
