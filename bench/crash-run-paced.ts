// runAndKill from tests/support/crash-run.ts, for the crash child in its paced mode, with one more
// way to choose the moment: as soon as the engine starts writing a snapshot.
import { spawn } from 'node:child_process';
import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CrashRun } from '../tests/support/crash-run';
import { onLines } from '../tests/support/child-lines';

const CHILD = fileURLToPath(new URL('../tests/support/crash-child.ts', import.meta.url));

export interface PacedKill {
  /** Kill this long after the first acknowledgement (the fallback when `onSnapshot` is set). */
  killAfterMs: number;
  /**
   * Kill `delayMs()` after a snapshot temp file appears in the incident's folder, i.e. while
   * the snapshot is being written, fsynced or renamed. Needs an existing incident.
   */
  onSnapshot?: { delayMs: () => number };
}

export interface PacedRun extends CrashRun {
  /** True when the kill was triggered by a snapshot temp file. */
  killedOnSnapshot: boolean;
}

export function runPacedAndKill(dataDir: string, incidentId: string | null, tag: string, how: PacedKill): Promise<PacedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, incidentId ?? '', tag, 'paced'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let id = incidentId ?? '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let snapTimer: NodeJS.Timeout | null = null;
    let killedOnSnapshot = false;
    let watcher: FSWatcher | null = null;
    if (how.onSnapshot && incidentId) {
      watcher = watch(join(dataDir, 'incidents', incidentId), (_event, name) => {
        if (snapTimer || killedOnSnapshot || !name || !String(name).startsWith('snapshot.json.') || !String(name).endsWith('.tmp') || acked.length === 0) return;
        const kill = () => {
          killedOnSnapshot = true;
          child.kill('SIGKILL');
        };
        const delay = how.onSnapshot!.delayMs();
        if (delay <= 0) kill();
        else snapTimer = setTimeout(kill, delay);
      });
    }
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    onLines(child.stdout, (line) => {
      if (line.startsWith('INCIDENT ')) id = line.slice(9);
      if (line.startsWith('ACK ')) {
        acked.push(line.slice(4));
        timer ??= setTimeout(() => child.kill('SIGKILL'), how.killAfterMs);
      }
    });
    // 'close', not 'exit': every line the child wrote before the kill has been read by then.
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (snapTimer) clearTimeout(snapTimer);
      watcher?.close();
      if (signal === 'SIGKILL') resolve({ incidentId: id, acked, killedOnSnapshot });
      else reject(new Error(`paced child exited on its own (${code}): ${stderr.slice(-2000)}`));
    });
  });
}
