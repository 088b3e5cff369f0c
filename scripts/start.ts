import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { rendererBuild } from './build-renderer.mjs';
import { buildIfStale } from './build-stamp.mjs';
import { findElectron } from './find-electron';

// `npm start`: build what changed, then run the Electron app, or the browser host where Electron's binary is absent.
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

// The same rule as `npm run serve`: a part is built again only when its sources changed.
const renderer = await buildIfStale(rendererBuild(root));
const electronBundles = renderer.ok
  ? await buildIfStale({
      root,
      inputs: ['electron', 'shared', 'package-lock.json', 'scripts/build-electron.ts'],
      stamp: 'out/.stamps/electron',
      outputs: ['out/main/main.js', 'out/preload/preload.cjs'],
      build: () => runNpm(['run', 'build:electron', '--silent']).status === 0,
    })
  : renderer;
if (!electronBundles.ok) {
  console.error('The build failed; see above.');
  process.exit(1);
}

const electron = findElectron();
if (electron.ok) {
  runElectron(electron.path);
} else {
  console.log(
    `Electron binary not installed here (${electron.reason}); starting the browser host instead — open the URL below.`,
  );
  const [{ runHost }, { openEngine }, { createConfSettings }] = await Promise.all([
    import('../electron/host-web/run-host'),
    import('../electron/core/engine'),
    import('../electron/core/settings/conf-settings'),
  ]);
  await runHost(args, { openEngine, createSettings: createConfSettings });
}

function runNpm(npmArgs: string[]) {
  // Under `npm start`, npm_execpath is npm's own script: run it with this Node, no shell needed.
  const npmCli = process.env.npm_execpath;
  if (npmCli) return spawnSync(process.execPath, [npmCli, ...npmArgs], { cwd: root, stdio: 'inherit' });
  return spawnSync('npm', npmArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}


function runElectron(binary: string): void {
  const env = { ...process.env };
  // Set, it would make the binary a plain Node runtime instead of the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...args], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
