import type { RoleKey, Severity } from '../../../shared/domain/incident';
import type { Settings } from '../../../shared/domain/settings';
import { FieldError, invalidProps } from './FieldError';
import { RequiredRolesGrid } from './RequiredRolesGrid';
import { SectionFrame } from './SectionFrame';
import { rolesSpec } from './roles-form';
import { useSettingsForm } from './use-settings-form';

export function RolesSection({ settings }: { settings: Settings }) {
  const form = useSettingsForm(rolesSpec, settings);
  const hoursError = form.state.errors.shiftLimitHours;
  const toggle = (sev: Severity, role: RoleKey, on: boolean) =>
    form.update((d) => {
      const held = d.requiredRoles[sev].filter((r) => r !== role);
      return { ...d, requiredRoles: { ...d.requiredRoles, [sev]: on ? [...held, role] : held } };
    }, `requiredRoles.${sev}`);
  return (
    <SectionFrame
      id="roles"
      title="Roles & shifts"
      description="Which roles must be filled at each severity — an empty one is flagged in the war room — and when to suggest a handoff."
      form={form}
    >
      <div className="card">
        <h3 className="card-title">Required roles</h3>
        <RequiredRolesGrid value={form.value.requiredRoles} errors={form.state.errors} onToggle={toggle} />
      </div>
      <div className="card card-narrow">
        <h3 className="card-title">Shift length</h3>
        <label className="field">
          <span className="field-label">Suggest a handoff after</span>
          <span className="input-with-unit">
            <input
              className="input input-number"
              data-testid="shift-limit"
              inputMode="decimal"
              value={form.value.shiftLimitHours}
              onChange={(e) => {
                const shiftLimitHours = e.target.value;
                form.update((d) => ({ ...d, shiftLimitHours }), 'shiftLimitHours');
              }}
              {...invalidProps('shiftLimitHours', hoursError)}
            />
            <span className="unit">hours</span>
          </span>
          <FieldError path="shiftLimitHours" message={hoursError} />
        </label>
        <p className="field-help">
          Past this long on one incident, a role holder is gently told to plan a handoff. Fatigue makes for slow, risky
          decisions; four hours is a common limit.
        </p>
      </div>
    </SectionFrame>
  );
}
