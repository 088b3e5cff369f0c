// One node-postgres client and what became of it. Every client gets an 'error' handler before
// it connects: an error on an idle client with no handler would crash the whole process.
import pg from 'pg';

export interface PgLink {
  client: pg.Client;
  /** Why the connection died, or null while it lives. */
  lost(): Error | null;
  /** Called once when the connection dies, unless `end` ended it. */
  onLost(listener: (why: Error) => void): void;
  /** Ends the connection without calling `onLost`; never throws, never hangs. */
  end(): Promise<void>;
}

export type LinkResult = { ok: true; link: PgLink } | { ok: false; cause: unknown };

const END_WAIT_MS = 2_000;

export async function openLink(config: pg.ClientConfig): Promise<LinkResult> {
  let client: pg.Client;
  try {
    client = new pg.Client(config);
  } catch (cause) {
    return { ok: false, cause };
  }
  let why: Error | null = null;
  let ending = false;
  let listener: ((why: Error) => void) | null = null;

  const markLost = (err: Error): void => {
    if (why || ending) return;
    why = err;
    const call = listener;
    listener = null;
    call?.(err);
  };
  client.on('error', markLost);
  client.on('end', () => markLost(new Error('Connection terminated')));

  const end = async (): Promise<void> => {
    ending = true;
    listener = null;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      client.end().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, END_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
  };

  try {
    await client.connect();
  } catch (cause) {
    await end();
    return { ok: false, cause };
  }
  return {
    ok: true,
    link: {
      client,
      lost: () => why,
      onLost: (l) => {
        if (why) l(why);
        else listener = l;
      },
      end,
    },
  };
}
