// Run as: node --import tsx bench/export-child.ts MODE ...
//   export DATA_DIR INCIDENT_ID RUNS OUT_FILE    bundle.export RUNS× through the engine; the file as JSON in OUT_FILE
//   parts DATA_DIR                               where one export's time goes
//   import EXPORT_FILE ROOT RUNS EXPECTED        bundle.import into fresh empty data folders under ROOT
//   import-parts EXPORT_FILE DATA_DIR            where one import's time goes
// Prints one JSON line; progress goes to stderr. A fresh Node per mode keeps the heap of one
// measurement out of the next (see bench/export.ts).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { ExportedFile } from '../shared/contract/contract';
import { engineExports, engineImports, exportBreakdown, importBreakdown } from './export';

const progress = (m: string) => process.stderr.write(`[export-child] ${m}\n`);

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  let out: unknown;
  if (mode === 'export') {
    const [dataDir, incidentId, runs, outFile] = args;
    const { exportMs, blockedMs, exported } = await engineExports(dataDir!, incidentId!, Number(runs), progress);
    await writeFile(outFile!, JSON.stringify(exported));
    out = { exportMs, blockedMs, fileName: exported.fileName, bytes: exported.bytes };
  } else if (mode === 'parts') {
    out = await exportBreakdown(args[0]!, progress);
  } else if (mode === 'import') {
    const [file, root, runs, expected] = args;
    const exported = JSON.parse(await readFile(file!, 'utf8')) as ExportedFile;
    await mkdir(root!, { recursive: true });
    out = await engineImports(exported.base64, exported.fileName, root!, Number(runs), Number(expected), progress);
  } else if (mode === 'import-parts') {
    const [file, dataDir] = args;
    const exported = JSON.parse(await readFile(file!, 'utf8')) as ExportedFile;
    await mkdir(dataDir!, { recursive: true });
    out = await importBreakdown(exported.base64, dataDir!);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
