import type { Engine } from '../../electron/core/engine-types';
import type { ImportResult } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/result';

/**
 * bundle.import as an operator who confirms every preview: a bundle that merges into an
 * incident already here answers a preview first and is written only when imported again with
 * its confirm token. Answers the written result (or the refusal), and whether a preview came first.
 */
export async function importConfirmed(engine: Engine, fileName: string, base64: string): Promise<{ result: Result<ImportResult>; previewed: boolean }> {
  const first = (await engine.dispatch('bundle.import', { fileName, base64 })) as Result<ImportResult>;
  if (!first.ok || first.value.confirmToken === null) return { result: first, previewed: false };
  const confirmed = (await engine.dispatch('bundle.import', { fileName, base64, confirm: first.value.confirmToken })) as Result<ImportResult>;
  return { result: confirmed, previewed: true };
}
