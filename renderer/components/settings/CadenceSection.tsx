import { SEVERITIES } from '../../../shared/domain/incident';
import type { Settings } from '../../../shared/domain/settings';
import { SeverityChip, SEVERITY_MEANING } from '../SeverityChip';
import { MinutesInput } from './MinutesInput';
import { cadenceSpec, COLUMNS } from './cadence-form';
import { SectionFrame } from './SectionFrame';
import { useSettingsForm } from './use-settings-form';

export function CadenceSection({ settings }: { settings: Settings }) {
  const form = useSettingsForm(cadenceSpec, settings);
  return (
    <SectionFrame
      id="cadence"
      title="Communication cadence"
      description="How often each audience hears from the incident, by severity. The war room counts down to each update and turns red when one is overdue."
      form={form}
    >
      <p className="callout" data-testid="cadence-note">
        <strong>Applies to incidents declared from now on.</strong> An open incident keeps the cadence it was declared
        with; change it from that incident’s war room.
      </p>
      <div className="card">
        <table className="grid-table cadence-grid" data-testid="cadence-table">
          <thead>
            <tr>
              <th scope="col" className="grid-corner">
                Severity
              </th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c.field}>
                  <span className="col-head">{c.label}</span>
                  <span className="col-help">{c.help}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SEVERITIES.map((sev) => (
              <tr key={sev}>
                <th scope="row">
                  <span className="row-head">
                    <SeverityChip severity={sev} />
                    <span className="row-count">{SEVERITY_MEANING[sev]}</span>
                  </span>
                </th>
                {COLUMNS.map(({ field, label, reads, noneText }) => {
                  const path = `cadence.${sev}.${field}`;
                  return (
                    <td key={field}>
                      <MinutesInput
                        path={path}
                        label={`${sev}: ${label}`}
                        testId={`cadence-${sev}-${field}`}
                        value={form.value[sev][field]}
                        error={form.state.errors[path]}
                        reads={reads}
                        noneText={noneText}
                        onChange={(text) => form.update((d) => ({ ...d, [sev]: { ...d[sev], [field]: text } }), path)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="field-help">
          Leave a box empty for <em>none</em> (no regular update). Fractions of a minute are allowed down to 0.05 (3 s)
          for drills.
        </p>
      </div>
    </SectionFrame>
  );
}
