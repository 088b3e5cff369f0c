import type { Settings } from '../../../shared/domain/settings';
import { SectionFrame } from './SectionFrame';
import { alertsSpec } from './alerts-form';
import { useSettingsForm } from './use-settings-form';

export function AlertsSection({ settings }: { settings: Settings }) {
  const form = useSettingsForm(alertsSpec, settings);
  return (
    <SectionFrame
      id="alerts"
      title="Alerts"
      description="A desktop notification appears when an update is overdue, a check-in is missed or an escalation tier pages someone."
      form={form}
    >
      <div className="card card-narrow">
        <label className="switch-field switch-field-large">
          <input
            type="checkbox"
            className="switch"
            data-testid="alert-sound"
            checked={form.value.alertSound}
            onChange={(e) => {
              const alertSound = e.target.checked;
              form.update(() => ({ alertSound }));
            }}
          />
          <span>
            <strong>Play a sound with desktop alerts</strong>
            <small>{form.value.alertSound ? 'On: every alert also makes a sound.' : 'Off: alerts are silent.'}</small>
          </span>
        </label>
        <p className="field-help">
          Off by default: in a shared war room a chime on every laptop adds noise, not information. Turn it on for the
          console that watches the clocks.
        </p>
      </div>
    </SectionFrame>
  );
}
