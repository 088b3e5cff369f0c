import { useMemo } from 'react';
import { knownTimeZones } from './identity-choices';

/** An IANA zone, typed or picked from the browser's list; the engine checks it. */
export function TimeZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const zones = useMemo(knownTimeZones, []);
  return (
    <label className="field">
      <span className="field-label">Time zone</span>
      <input
        className="input"
        data-testid="identity-zone"
        list="identity-zones"
        value={value}
        placeholder="e.g. Europe/Berlin"
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id="identity-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </label>
  );
}
