import { useConnection } from '../store/connection-store';

/** Once live and then cut off, the screen shows the last known state; say so plainly. */
export function ConnectionLostBanner() {
  const state = useConnection((s) => s.state);
  const everOpened = useConnection((s) => s.everOpened);
  if (state === 'signed-out' && everOpened) {
    return (
      <div className="connection-lost" role="alert" data-testid="signed-out-banner">
        <strong>Signed out of the host</strong> (it was started with new secrets, or this browser's cookie was cleared). This
        is the last known state. Open the new address the host printed, in any tab of this browser; this page then
        reconnects by itself.
      </div>
    );
  }
  if (state !== 'closed' || !everOpened) return null;
  return (
    <div className="connection-lost" role="alert" data-testid="connection-lost">
      <strong>Connection to the engine lost.</strong> This is the last known state and may be out of date. Reconnecting…
    </div>
  );
}
