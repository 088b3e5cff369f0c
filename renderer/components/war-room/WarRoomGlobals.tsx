import { AlertBanner } from './AlertBanner';
import { CommandPalette } from './CommandPalette';
import { useAlertFeed } from './use-alert-feed';
import { useTabTitle } from './use-tab-title';

/** Redraws every second (it reads the clocks) and draws nothing, so nothing else redraws with it. */
function TabTitle() {
  useTabTitle();
  return null;
}

/** What the war room needs on every screen: alerts as they fire, the tab title, the palette. */
export function WarRoomGlobals() {
  useAlertFeed();
  return (
    <>
      <TabTitle />
      <AlertBanner />
      <CommandPalette />
    </>
  );
}
