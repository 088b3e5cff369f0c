import type { Settings } from '../../../shared/domain/settings';
import { UNKNOWN_OPERATOR } from '../../../shared/domain/operator';
import { openOperatorPrompt } from '../../store/operator-store';
import { FieldError, invalidProps } from './FieldError';
import { SectionFrame } from './SectionFrame';
import { type OperatorDraft, operatorSpec } from './operator-form';
import { useSettingsForm } from './use-settings-form';

const FIELDS: { key: keyof OperatorDraft; label: string; placeholder: string; testId: string }[] = [
  { key: 'operatorName', label: 'Your name', placeholder: 'e.g. Dana Whitfield', testId: 'operator-name' },
  { key: 'operatorContact', label: 'Contact', placeholder: 'Phone, Slack handle or pager', testId: 'operator-contact' },
  { key: 'operatorTimeZone', label: 'Time zone', placeholder: 'e.g. Europe/Berlin (empty: this machine’s)', testId: 'operator-time-zone' },
];

export function OperatorSection({ settings }: { settings: Settings }) {
  const form = useSettingsForm(operatorSpec, settings);
  return (
    <SectionFrame
      id="operator"
      title="Operator"
      description="Who is at this console: the name signed on every change made here (entries, decisions, handoffs, approvals, updates sent), and how to reach them."
      form={form}
    >
      <div className="card card-narrow">
        {FIELDS.map(({ key, label, placeholder, testId }) => {
          const error = form.state.errors[key];
          return (
            <label key={key} className="field">
              <span className="field-label">{label}</span>
              <input
                className={key === 'operatorName' ? 'input input-large' : 'input'}
                data-testid={testId}
                value={form.value[key]}
                placeholder={placeholder}
                autoComplete={key === 'operatorName' ? 'name' : 'off'}
                onChange={(e) => {
                  const value = e.target.value;
                  form.update((d) => ({ ...d, [key]: value }), key);
                }}
                {...invalidProps(key, error)}
              />
              <FieldError path={key} message={error} />
            </label>
          );
        })}
        <p className="field-help">
          {settings.operatorName
            ? `Changes from this machine are signed “${settings.operatorName}”.`
            : `Not set: changes are signed “${UNKNOWN_OPERATOR}” and nobody here can approve as IC.`}{' '}
          On a shared console, whoever takes the keyboard switches operator from the war-room header or the palette.{' '}
          <button type="button" className="link-button" onClick={openOperatorPrompt}>
            Switch operator
          </button>
        </p>
      </div>
    </SectionFrame>
  );
}
