import { create } from 'zustand';
import type { ConnectionState } from '../../shared/contract/api';

interface ConnectionStore {
  state: ConnectionState;
  /** Whether this page has ever reached the engine; a never-opened page was likely refused. */
  everOpened: boolean;
}

export const useConnection = create<ConnectionStore>(() => ({ state: 'connecting', everOpened: false }));

export function setConnectionState(state: ConnectionState): void {
  useConnection.setState((s) => ({ state, everOpened: s.everOpened || state === 'open' }));
}
