// The naive peer: every note kept in one `conf` document, rewritten on each change.
import { statSync } from 'node:fs';
import Conf from 'conf';
import type { TimelineEntry } from '../shared/domain/incident';
import { timelineEntry as note } from './fixtures';
import { summarize, type Summary } from './stats';

export interface NaiveResult extends Summary {
  fileBytes: number;
  seedMs: number;
}

/** `samples` notes pushed one by one onto `prior` notes, each followed by `conf.set('notes', arr)`. */
export function naiveConfAppends(dir: string, prior: number, samples: number): NaiveResult {
  const conf = new Conf<{ notes: TimelineEntry[] }>({ cwd: dir, configName: 'naive-notes', projectName: 'command-post-bench' });
  const notes: TimelineEntry[] = [];
  for (let i = 0; i < prior; i++) notes.push(note(i));
  const s0 = performance.now();
  conf.set('notes', notes);
  const seedMs = performance.now() - s0;
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    notes.push(note(prior + i));
    conf.set('notes', notes);
    out.push(performance.now() - t0);
  }
  const { size } = statSync(conf.path);
  return { ...summarize(out), fileBytes: size, seedMs };
}
