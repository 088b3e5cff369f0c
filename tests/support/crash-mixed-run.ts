// Runs tests/support/crash-mixed-child.ts on a plan and SIGKILLs it when a MixedAim says.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onLines } from './child-lines';

const CHILD = fileURLToPath(new URL('./crash-mixed-child.ts', import.meta.url));

/**
 * When to kill: `random` `ms` after the first import starts (notes are flowing by then);
 * `import` 0–30 ms after plan file `index` starts (or, with `confirm`, after its preview was
 * answered and its confirmed call began), or 6 s after the first import if that never comes.
 * Once the plan is done the child is killed 0–150 ms later, notes still flowing; with `done`,
 * only then.
 */
export type MixedAim = { kind: 'random'; ms: number } | { kind: 'import'; index: number; confirm: boolean } | { kind: 'done' };

export interface MixedRun {
  /** Event ids of the acknowledged notes. */
  notes: string[];
  /** Plan index → events added, for each file acknowledged. */
  acked: Map<number, number>;
  /** Plan index → error code, for each file refused. */
  refused: Map<number, string>;
  /** The plan index started and not answered when the kill came, if any. */
  inFlight: number | null;
  /** Whether the file in flight had answered a preview and was being confirmed. */
  inFlightConfirming: boolean;
  /** Whether the kill came from the aimed START or CONFIRM (not the fallback). */
  firedOnAim: boolean;
  finished: boolean;
}

export function runMixedAndKill(dataDir: string, incidentId: string, tag: string, planFile: string, aim: MixedAim): Promise<MixedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, incidentId, tag, planFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: MixedRun = { notes: [], acked: new Map(), refused: new Map(), inFlight: null, inFlightConfirming: false, firedOnAim: false, finished: false };
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let due = Infinity;
    /** Kill `ms` from now, unless a kill is already due sooner. */
    const killIn = (ms: number, onAim = false) => {
      if (timer && due <= Date.now() + ms) return;
      if (timer) clearTimeout(timer);
      run.firedOnAim = onAim;
      due = Date.now() + ms;
      timer = setTimeout(() => child.kill('SIGKILL'), ms);
    };
    const aimedAt = (index: number, confirming: boolean) => aim.kind === 'import' && aim.index === index && aim.confirm === confirming;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    onLines(child.stdout, (line) => {
      const [word, a, b] = line.split(' ');
      const index = Number(a);
      if (word === 'NOTE') {
        run.notes.push(a!);
      } else if (word === 'START') {
        if (index === 0 && aim.kind !== 'done') killIn(aim.kind === 'random' ? aim.ms : 6_000);
        run.inFlight = index;
        run.inFlightConfirming = false;
        if (aimedAt(index, false)) killIn(Math.random() * 30, true);
      } else if (word === 'CONFIRM') {
        run.inFlightConfirming = true;
        if (aimedAt(index, true)) killIn(Math.random() * 30, true);
      } else if (word === 'ACK' || word === 'REFUSED') {
        if (word === 'ACK') run.acked.set(index, Number(b));
        else run.refused.set(index, b ?? '');
        run.inFlight = null;
        run.inFlightConfirming = false;
      } else if (word === 'DONE') {
        run.finished = true;
        killIn(Math.random() * 150);
      }
    });
    // 'close', not 'exit': every line the child wrote before the kill has been read by then.
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(run);
      else reject(new Error(`mixed child exited on its own (${code}): ${stderr.slice(-2000)}`));
    });
  });
}
