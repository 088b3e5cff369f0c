import { useState } from 'react';
import { askForDesktopAlerts, canAskForDesktopAlerts } from '../../lib/notify';
import { setPaletteOpen } from '../../store/war-room-store';
import { WallClock } from './WallClock';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The palette's key, and (in a browser) the one click that lets desktop alerts through. */
export function HeaderTools() {
  const [canAsk, setCanAsk] = useState(canAskForDesktopAlerts);
  return (
    <div className="header-tools">
      <WallClock />
      {canAsk && (
        <button
          type="button"
          className="btn btn-sm btn-quiet"
          data-testid="enable-alerts"
          title="Overdue updates and escalation pages also appear as desktop notifications"
          onClick={() => void askForDesktopAlerts().then(() => setCanAsk(canAskForDesktopAlerts()))}
        >
          Enable desktop alerts
        </button>
      )}
      <button type="button" className="btn btn-sm btn-quiet" data-testid="palette-button" onClick={() => setPaletteOpen(true)} title="Every war-room action from the keyboard">
        <kbd>{MAC ? '⌘' : 'Ctrl'}</kbd>
        <kbd>K</kbd> Actions
      </button>
    </div>
  );
}
