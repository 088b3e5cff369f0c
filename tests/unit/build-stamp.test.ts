import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIfStale, type BuildJob } from '../../scripts/build-stamp.mjs';
import { withTempDir } from '../support/temp-dir';

/** A job over `root/src` whose build writes `root/out/app.js` and counts its runs. */
function job(root: string, counter: { builds: number }, succeed = () => true): BuildJob {
  return {
    root,
    inputs: ['src', 'lock.json'],
    stamp: 'out/.stamps/app',
    outputs: ['out/app.js'],
    build: async () => {
      counter.builds += 1;
      await mkdir(join(root, 'out'), { recursive: true });
      await writeFile(join(root, 'out', 'app.js'), 'built');
      return succeed();
    },
  };
}

async function sources(root: string): Promise<void> {
  await mkdir(join(root, 'src', 'nested'), { recursive: true });
  await writeFile(join(root, 'src', 'a.ts'), 'a');
  await writeFile(join(root, 'src', 'nested', 'b.ts'), 'b');
  await writeFile(join(root, 'lock.json'), '{}');
}

describe('building only what changed', () => {
  it('builds once, then not again while nothing changed', async () => {
    await withTempDir(async (root) => {
      await sources(root);
      const counter = { builds: 0 };
      expect(await buildIfStale(job(root, counter))).toMatchObject({ ok: true, built: true });
      expect(await buildIfStale(job(root, counter))).toMatchObject({ ok: true, built: false });
      expect(counter.builds).toBe(1);
    });
  });

  it('builds again when a source is edited, added or removed, or the lockfile changes', async () => {
    await withTempDir(async (root) => {
      await sources(root);
      const counter = { builds: 0 };
      await buildIfStale(job(root, counter));
      const later = new Date(Date.now() + 5_000);
      await utimes(join(root, 'src', 'nested', 'b.ts'), later, later);
      await buildIfStale(job(root, counter));
      await writeFile(join(root, 'src', 'c.ts'), 'c');
      await buildIfStale(job(root, counter));
      await rm(join(root, 'src', 'a.ts'));
      await buildIfStale(job(root, counter));
      await writeFile(join(root, 'lock.json'), '{"changed":true}');
      await buildIfStale(job(root, counter));
      expect(counter.builds).toBe(5);
      expect((await buildIfStale(job(root, counter))).built).toBe(false);
    });
  });

  it('builds again when an output is gone', async () => {
    await withTempDir(async (root) => {
      await sources(root);
      const counter = { builds: 0 };
      await buildIfStale(job(root, counter));
      await rm(join(root, 'out', 'app.js'));
      expect((await buildIfStale(job(root, counter))).built).toBe(true);
    });
  });

  it('keeps no stamp after a failed build, so the next start builds again', async () => {
    await withTempDir(async (root) => {
      await sources(root);
      const counter = { builds: 0 };
      expect((await buildIfStale(job(root, counter, () => false))).ok).toBe(false);
      expect(await buildIfStale(job(root, counter))).toMatchObject({ ok: true, built: true });
      expect(counter.builds).toBe(2);
    });
  });

  it('ignores node_modules and dot-folders inside an input', async () => {
    await withTempDir(async (root) => {
      await sources(root);
      const counter = { builds: 0 };
      await buildIfStale(job(root, counter));
      await mkdir(join(root, 'src', 'node_modules'), { recursive: true });
      await writeFile(join(root, 'src', 'node_modules', 'x.js'), 'x');
      await mkdir(join(root, 'src', '.cache'), { recursive: true });
      await writeFile(join(root, 'src', '.cache', 'y'), 'y');
      expect((await buildIfStale(job(root, counter))).built).toBe(false);
    });
  });
});
