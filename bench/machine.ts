// What the numbers were measured on.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  kernel: string;
  tmpDir: string;
  fsType: string;
  fsDevice: string;
  mountOptions: string;
  date: string;
  /** 1-minute load average when the run started: other processes share this machine. */
  loadAvg: number;
  /** Commit measured, and whether electron/core or shared had uncommitted changes. */
  commit: string;
}

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function describeMachine(tmpDir: string): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1]!.trim();
  } catch {
    // not Linux
  }
  const df = sh('df', ['-T', tmpDir]).split('\n')[1]?.split(/\s+/) ?? [];
  const fsDevice = df[0] ?? 'unknown';
  const mountOptions = sh('findmnt', ['-n', '-o', 'OPTIONS', '--target', tmpDir]);
  return {
    cpu,
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: release(),
    tmpDir,
    fsType: df[1] ?? 'unknown',
    fsDevice,
    mountOptions,
    date: new Date().toISOString(),
    loadAvg: Math.round(loadavg()[0]! * 100) / 100,
    commit: describeCommit(),
  };
}

function describeCommit(): string {
  const head = sh('git', ['rev-parse', '--short', 'HEAD']);
  if (!head) return 'unknown';
  const dirty = sh('git', ['status', '--porcelain', '--', 'electron/core', 'shared']);
  return dirty ? `${head} + uncommitted changes in electron/core or shared` : head;
}
