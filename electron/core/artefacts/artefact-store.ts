import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../fs/durable';
import { ensurePrivateDir } from '../fs/private';

export const ATTACHMENTS_DIR = 'attachments';
const HASH = /^[0-9a-f]{64}$/;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * An incident's artefacts, content-addressed: `attachments/<sha-256>` in the incident's folder,
 * written durably (file and folder fsynced) before the journal event that names it, so an
 * acknowledged artefact survives a crash. A file written before a crash that cut the event off
 * is named by no event: nothing counts it, and `sweep` removes it.
 */
export class ArtefactStore {
  constructor(private readonly incidentDir: string) {}

  private path(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`not a sha-256: ${hash.slice(0, 80)}`);
    return join(this.incidentDir, ATTACHMENTS_DIR, hash);
  }

  /** Stores the bytes (once: the same content twice is one file); answers their hash. */
  async put(bytes: Uint8Array): Promise<string> {
    const hash = sha256(bytes);
    const path = this.path(hash);
    const held = await stat(path).catch(() => null);
    if (held?.size === bytes.length && (await this.get(hash)) !== null) return hash;
    await ensurePrivateDir(join(this.incidentDir, ATTACHMENTS_DIR));
    await writeFileDurably(path, bytes);
    return hash;
  }

  /** The bytes, only if they still hash to their name (a damaged file is never served). */
  async get(hash: string): Promise<Uint8Array | null> {
    const bytes = await readFile(this.path(hash)).catch(() => null);
    return bytes && sha256(bytes) === hash ? new Uint8Array(bytes) : null;
  }

  /** Removes files no event names, and temporaries a crashed process left half-written. */
  async sweep(named: ReadonlySet<string>): Promise<number> {
    const dir = join(this.incidentDir, ATTACHMENTS_DIR);
    const names = await readdir(dir).catch(() => [] as string[]);
    let removed = 0;
    // This process's own temporaries are files being written right now (an attach or a fetch).
    const mine = new RegExp(`^[0-9a-f]{64}\\.${process.pid}\\.\\d+\\.tmp$`);
    for (const name of names) {
      if (named.has(name) || mine.test(name)) continue;
      await rm(join(dir, name), { force: true });
      removed++;
    }
    return removed;
  }
}
