// Runs bench/crash-child-import.ts on a plan and SIGKILLs it at the moment an ImportAim says.
import { spawn } from 'node:child_process';
import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onLines } from '../tests/support/child-lines';

const IMPORT_CHILD = fileURLToPath(new URL('./crash-child-import.ts', import.meta.url));

export interface ImportRun {
  /** Plan indexes acknowledged. */
  acked: number[];
  /** The plan index started and not acknowledged when the kill came, if any. */
  inFlight: number | null;
  /** Whether the import in flight had answered its preview and was being confirmed. */
  inFlightConfirming: boolean;
  refused: string[];
  finished: boolean;
  aim: ImportAim['kind'];
  /** For `create` aims: whether a new incident folder appeared and fired the kill. */
  firedOnCreate: boolean;
  /** For `start` aims: whether the kill was aimed at the confirmed call of a merge. */
  aimedAtConfirm: boolean;
}

/**
 * When to kill the import child: `ready` 0–700 ms after its engine is open; `start` 0–40 ms
 * after import `index` starts (decode, merge, the write, the apply), or, with `confirm`, after
 * its preview was answered and the confirmed call began (the merge's write); `create` 0–3 ms
 * after a new incident folder appears under incidents/ (bundle.import of a new incident: the
 * journal is being created and its first write is about to happen).
 */
export type ImportAim = { kind: 'ready' } | { kind: 'start'; index: number; confirm: boolean } | { kind: 'create' };

/** Starts the import child on `plan` and SIGKILLs it as `aim` says; a child that finishes its plan first is killed at once. */
export function runImportAndKill(dataDir: string, planFile: string, aim: ImportAim): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', IMPORT_CHILD, dataDir, planFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    const refused: string[] = [];
    let started: number | null = null;
    let confirming = false;
    let aimedAtConfirm = false;
    let finished = false;
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let watcher: FSWatcher | null = null;
    let firedOnCreate = false;
    const killIn = (ms: number) => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    };
    const settled = (index: number) => {
      if (started === index) {
        started = null;
        confirming = false;
      }
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    onLines(child.stdout, (line) => {
      const [word, index] = line.split(' ');
      if (word === 'READY' && aim.kind === 'ready') killIn(Math.floor(Math.random() * 700));
      if (word === 'READY' && aim.kind === 'create') {
        const root = join(dataDir, 'incidents');
        const before = new Set(readdirSync(root));
        watcher = watch(root, (_event, name) => {
          if (!name || before.has(String(name)) || timer) return;
          firedOnCreate = true;
          killIn(Math.floor(Math.random() * 3));
        });
      }
      if (word === 'START') {
        started = Number(index);
        // A file that answers no preview has no confirmed call: aim at its start instead.
        if (aim.kind === 'start' && started === aim.index && !aim.confirm) killIn(Math.floor(Math.random() * 40));
      }
      if (word === 'CONFIRM') {
        confirming = true;
        if (aim.kind === 'start' && Number(index) === aim.index && aim.confirm) {
          aimedAtConfirm = true;
          killIn(Math.floor(Math.random() * 40));
        }
      }
      if (word === 'ACK') {
        acked.push(Number(index));
        settled(Number(index));
      }
      if (word === 'REFUSED') {
        refused.push(line);
        settled(Number(index));
      }
      if (word === 'DONE') {
        finished = true;
        child.kill('SIGKILL');
      }
    });
    // 'close', not 'exit': every line the child wrote before the kill has been read by then.
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      (watcher as FSWatcher | null)?.close();
      if (signal === 'SIGKILL') resolve({ acked, inFlight: started, inFlightConfirming: confirming, refused, finished, aim: aim.kind, firedOnCreate, aimedAtConfirm });
      else reject(new Error(`import child exited on its own (${code}): ${stderr.slice(-2000)}`));
    });
  });
}
