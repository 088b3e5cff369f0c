import { useRef, useState } from 'react';
import type { Result } from '../../../shared/contract/result';
import { plainMessage } from '../../lib/plain-error';

/** Runs one engine command for a form: busy while it is out, the refusal kept to show. */
export function useCommand() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The guard reads a ref, not the render's `busy`: a handler made during a busy render and run
  // after the command returned (see `after`) must not find it still busy.
  const out = useRef<Promise<unknown> | null>(null);

  async function run<T>(call: () => Promise<Result<T>>): Promise<T | undefined> {
    if (out.current) return undefined;
    setBusy(true);
    const pending = call();
    out.current = pending;
    let result: Result<T>;
    try {
      result = await pending;
    } finally {
      out.current = null;
      setBusy(false);
    }
    if (!result.ok) {
      setError(plainMessage(result.error));
      return undefined;
    }
    setError(null);
    return result.value;
  }

  /** Waits for the command that is out, if any, however it ends. */
  async function after(): Promise<void> {
    await out.current?.catch(() => undefined);
  }

  return { busy, error, setError, run, after };
}
