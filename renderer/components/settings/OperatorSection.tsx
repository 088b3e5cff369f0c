import type { Settings } from '../../../shared/domain/settings';
import { FieldError, invalidProps } from './FieldError';
import { SectionFrame } from './SectionFrame';
import { operatorSpec } from './operator-form';
import { useSettingsForm } from './use-settings-form';

export function OperatorSection({ settings }: { settings: Settings }) {
  const form = useSettingsForm(operatorSpec, settings);
  const error = form.state.errors.operatorName;
  return (
    <SectionFrame
      id="operator"
      title="Operator"
      description="The name written as the actor of every change made from this machine: entries, decisions, handoffs, updates sent."
      form={form}
    >
      <div className="card card-narrow">
        <label className="field">
          <span className="field-label">Your name</span>
          <input
            className="input input-large"
            data-testid="operator-name"
            value={form.value.operatorName}
            placeholder="e.g. Dana Whitfield"
            autoComplete="name"
            onChange={(e) => {
              const operatorName = e.target.value;
              form.update(() => ({ operatorName }), 'operatorName');
            }}
            {...invalidProps('operatorName', error)}
          />
          <FieldError path="operatorName" message={error} />
        </label>
        <p className="field-help">
          {settings.operatorName
            ? `Changes from this machine are signed “${settings.operatorName}”.`
            : 'Not set yet: changes are signed with this computer’s account name until you save one.'}{' '}
          On a shared console, the person at the keyboard sets their own name at the start of a shift.
        </p>
      </div>
    </SectionFrame>
  );
}
