import type { ConnectionState } from '../../shared/contract/api';
import { useConnection } from '../store/connection-store';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting',
  open: 'Live',
  closed: 'Offline',
  'signed-out': 'Signed out',
};

const TITLES: Record<ConnectionState, string> = {
  connecting: 'Reaching the engine…',
  open: 'Connected to the engine; changes appear as they are saved.',
  closed: 'Not connected to the engine. Retrying; nothing typed here is lost.',
  'signed-out': 'The host refuses this browser: open the address the host printed. Retrying; nothing typed here is lost.',
};

export function ConnectionIndicator() {
  const state = useConnection((s) => s.state);
  return (
    <div className={`conn conn-${state}`} data-testid="connection-state" data-state={state} title={TITLES[state]} role="status">
      <span className="conn-dot" aria-hidden="true" />
      {LABELS[state]}
    </div>
  );
}
