import { ROLE_LABELS, SEVERITIES } from '../../../shared/domain/incident';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import { EscalationPolicy } from './EscalationPolicy';
import { escalationSpec } from './escalation-form';
import { SectionFrame } from './SectionFrame';
import { useSettingsForm } from './use-settings-form';

/** Roles people page by name on the night, besides the people on the roster. */
function targetSuggestions(settings: Settings): { value: string; note: string }[] {
  const roles = new Set<string>();
  for (const sev of SEVERITIES) for (const t of [...DEFAULT_SETTINGS.escalation[sev], ...settings.escalation[sev]]) roles.add(t.target);
  for (const label of Object.values(ROLE_LABELS)) roles.add(label);
  const people = settings.roster.map((p) => ({ value: p.name, note: p.contact ? `roster · ${p.contact}` : 'roster' }));
  const names = new Set(people.map((p) => p.value.toLowerCase()));
  return [...people, ...[...roles].filter((r) => !names.has(r.toLowerCase())).map((value) => ({ value, note: 'role' }))];
}

export function EscalationSection({ settings }: { settings: Settings }) {
  const form = useSettingsForm(escalationSpec, settings);
  return (
    <SectionFrame
      id="escalation"
      title="Escalation policies"
      description="Who is paged, in order, until someone acknowledges the incident. Each delay counts from declaration; acknowledging stops the chain."
      form={form}
    >
      <datalist id="escalation-targets">
        {targetSuggestions(settings).map((s) => (
          <option key={s.value} value={s.value} label={s.note} />
        ))}
      </datalist>
      <p className="callout">
        <strong>Applies to incidents declared from now on.</strong> Pick a person from the roster — their contact line is
        filled in — or type a role such as “Secondary on-call”.
      </p>
      <div className="policies">
        {SEVERITIES.map((sev) => (
          <EscalationPolicy
            key={sev}
            severity={sev}
            tiers={form.value[sev]}
            roster={settings.roster}
            errors={form.state.errors}
            onChange={(change, path) => form.update((d) => ({ ...d, [sev]: change(d[sev]) }), path)}
          />
        ))}
      </div>
    </SectionFrame>
  );
}
