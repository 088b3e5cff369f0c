import { useState } from 'react';
import { SEVERITIES, type Severity } from '../../../shared/domain/incident';
import type { Settings } from '../../../shared/domain/settings';
import { ChecklistEditor } from './ChecklistEditor';
import { checklistsSpec, defaultChecklist, isDefaultChecklist } from './checklists-form';
import { SectionFrame } from './SectionFrame';
import { SeverityTabs } from './SeverityTabs';
import { useSettingsForm } from './use-settings-form';
import './checklists.css';

const perSeverity = <T,>(fn: (sev: Severity) => T) => Object.fromEntries(SEVERITIES.map((s) => [s, fn(s)])) as Record<Severity, T>;
const PANEL = 'checklist-panel';

export function ChecklistsSection({ settings }: { settings: Settings }) {
  const form = useSettingsForm(checklistsSpec, settings);
  const [severity, setSeverity] = useState<Severity>('SEV1');
  const items = form.value[severity];
  const errors = form.state.errors;
  const setItems = (next: string[], path: string) => form.update((d) => ({ ...d, [severity]: next }), path);
  const saved = settings.checklists;

  return (
    <SectionFrame
      id="checklists"
      title="Response checklists"
      description="What the war room asks the responders to work through at each severity. Ticking an item logs it on the timeline, so the debrief and the post-mortem see it."
      form={form}
    >
      <SeverityTabs
        value={severity}
        onChange={setSeverity}
        panelId={PANEL}
        counts={perSeverity((s) => form.value[s].length)}
        modified={perSeverity((s) => JSON.stringify(form.value[s]) !== JSON.stringify(saved[s]))}
        failed={perSeverity((s) => Object.keys(errors).some((k) => k === `checklists.${s}` || k.startsWith(`checklists.${s}.`)))}
      />
      <div className="card checklist-card" id={PANEL} role="tabpanel" aria-labelledby={`${PANEL}-tab-${severity}`} data-testid="checklist-editor">
        <div className="checklist-card-head">
          <h3 className="card-title">{severity} checklist</h3>
          <button
            type="button"
            className="btn btn-sm btn-quiet"
            data-testid="checklist-reset"
            disabled={isDefaultChecklist(severity, items)}
            title="The checklist that ships, from the incident-response seeds"
            onClick={() => setItems(defaultChecklist(severity), `checklists.${severity}`)}
          >
            Reset {severity} to defaults
          </button>
        </div>
        <ChecklistEditor key={severity} severity={severity} items={items} errors={errors} onChange={setItems} />
      </div>
    </SectionFrame>
  );
}
