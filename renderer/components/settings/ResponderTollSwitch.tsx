import { useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { saveSettings } from '../../store/settings-store';
import { OnOffSwitch } from './OnOffSwitch';

/**
 * Whether this console shows per-person figures (hours on incidents, outside working hours,
 * long stretches). They are for the team's leads to plan rest, so they are off by default and
 * never go into an export; the switch saves at once, like the other on/off switches.
 */
export function ResponderTollSwitch({ settings }: { settings: Settings }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (on: boolean) => {
    setSaving(true);
    const result = await saveSettings({ showResponderToll: on });
    setSaving(false);
    setError(result.ok ? null : result.error.message);
  };
  return (
    <div className="card card-narrow" data-testid="responder-toll-card">
      <h3 className="card-title" id="responder-toll-title">
        Show responder figures on this console (for the team’s leads)
      </h3>
      <OnOffSwitch
        name="Responder figures"
        testId="responder-toll-switch"
        on={settings.showResponderToll}
        disabled={saving}
        onMeans="Metrics → Responders shows each person's hours on incidents, hours outside their working hours and long stretches, and recovery notes after SEV1/SEV2."
        offMeans="Per-person figures stay private: Metrics shows none."
        onChange={(on) => void change(on)}
      />
      <p className="field-help">
        Blameless: these figures are there to plan rest and recovery, never to compare or rank people. They are listed
        alphabetically and are not in exports unless you ask (a private file in the post-mortem bundle). Turn them on only on a console the team’s leads use.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
