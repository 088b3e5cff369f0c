import { type TimeZone, zoneOf } from '../../shared/time/zone';
import type { Settings } from '../../shared/domain/settings';
import { useSettings } from '../store/settings-store';

// The zone every time on screen is shown in: the operator's from settings, else this machine's.

let readFrom: Settings | null | undefined;
let zone: TimeZone = zoneOf(null);

function zoneFor(settings: Settings | null): TimeZone {
  // Checking a zone name costs an Intl object; do it once per settings answer, not per row.
  if (settings !== readFrom) {
    readFrom = settings;
    zone = zoneOf(settings);
  }
  return zone;
}

export const currentZone = (): TimeZone => zoneFor(useSettings.getState().settings);

export function useTimeZone(): TimeZone {
  return useSettings((s) => zoneFor(s.settings));
}
