import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onLines } from './child-lines';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

export interface CrashRun {
  incidentId: string;
  acked: string[];
}

/** Starts the child, lets it write for `killAfterMs` after its first acknowledgement, then SIGKILLs it. */
export function runAndKill(dataDir: string, incidentId: string | null, tag: string, killAfterMs: number): Promise<CrashRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, incidentId ?? '', tag], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let id = incidentId ?? '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    onLines(child.stdout, (line) => {
      if (line.startsWith('INCIDENT ')) id = line.slice(9);
      if (line.startsWith('ACK ')) {
        acked.push(line.slice(4));
        timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    // 'close', not 'exit': every line the child wrote before the kill has been read by then.
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ incidentId: id, acked });
      else reject(new Error(`child exited on its own (${code}): ${stderr.slice(-2000)}`));
    });
  });
}
