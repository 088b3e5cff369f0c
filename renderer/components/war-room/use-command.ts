import { useState } from 'react';
import type { Result } from '../../../shared/contract/result';
import { plainMessage } from '../../lib/plain-error';

/** Runs one engine command for a form: busy while it is out, the refusal kept to show. */
export function useCommand() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run<T>(call: () => Promise<Result<T>>): Promise<T | undefined> {
    if (busy) return undefined;
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(plainMessage(result.error));
      return undefined;
    }
    setError(null);
    return result.value;
  }
  return { busy, error, setError, run };
}
