import { useEffect, useState } from 'react';
import type { CommandInput, CommandName, CommandResult } from '../../../shared/contract/contract';
import type { CommandError } from '../../../shared/contract/result';
import { api } from '../../api';

export type EngineReport<T> = { status: 'loading'; value: T | null } | { status: 'ready'; value: T } | { status: 'failed'; error: CommandError; value: T | null };

/**
 * A report the engine computes (availability, responder figures), asked again whenever `key`
 * changes — the incident list, the settings, the period, the minute. The previous answer stays on
 * screen while the next is on its way, and a late answer to an older question is dropped.
 */
export function useEngineReport<K extends CommandName>(command: K, input: CommandInput<K>, key: unknown[], enabled = true): EngineReport<CommandResult<K>> {
  const [report, setReport] = useState<EngineReport<CommandResult<K>>>({ status: 'loading', value: null });
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setReport((r) => ({ status: 'loading', value: r.value }));
    void api.call(command, input).then((result) => {
      if (!current) return;
      setReport((r) => (result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error, value: r.value }));
    });
    return () => {
      current = false;
    };
    // `input` is described by `key`; asking again for an equal object each render would loop.
  }, [command, enabled, ...key]);
  return report;
}
