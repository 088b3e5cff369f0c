import { useMemo, useRef, useState } from 'react';
import { renderTemplate } from '../../../shared/domain/drafts/render';
import { DRAFT_KINDS, type DraftKind } from '../../../shared/domain/incident';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import { useSettingsDrafts } from './draft-store';
import { KindTabs } from './KindTabs';
import { PlaceholderPalette } from './PlaceholderPalette';
import { SAMPLE_VALUES } from './sample-values';
import { SectionFrame } from './SectionFrame';
import { TemplateEditor } from './TemplateEditor';
import { TemplatePreview } from './TemplatePreview';
import { KIND_INFO, templatesSpec } from './templates-form';
import { useSettingsForm } from './use-settings-form';

const afterDraw = (fn: () => void) => requestAnimationFrame(fn);

const perKind = <T,>(fn: (kind: DraftKind) => T) => Object.fromEntries(DRAFT_KINDS.map((k) => [k, fn(k)])) as Record<DraftKind, T>;

export function TemplatesSection({ settings }: { settings: Settings }) {
  const form = useSettingsForm(templatesSpec, settings);
  const [kind, setKind] = useState<DraftKind>('internal');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const engineError = useSettingsDrafts((s) => s.forms.templates?.errors[`templates.${kind}`]);
  const { templates, approvalRequired } = form.value;
  const rendered = useMemo(() => perKind((k) => renderTemplate(templates[k], SAMPLE_VALUES)), [templates]);
  const text = templates[kind];
  const isDefault = text === DEFAULT_SETTINGS.templates[kind];

  const setText = (next: string) => form.update((d) => ({ ...d, templates: { ...d.templates, [kind]: next } }), `templates.${kind}`);
  const insert = (name: string) => {
    const area = textareaRef.current;
    const token = `{{${name}}}`;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + token + text.slice(end));
    afterDraw(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <SectionFrame
      id="templates"
      title="Update templates"
      description="The text each kind of update starts from. Placeholders are filled from the live incident when the comms lead drafts an update."
      form={form}
    >
      <KindTabs
        value={kind}
        onChange={setKind}
        problems={perKind((k) => rendered[k].problems.length)}
        modified={perKind((k) => form.value.templates[k] !== settings.templates[k] || approvalRequired[k] !== settings.approvalRequired[k])}
      />
      <div className="template-panel" id="template-panel" role="tabpanel" aria-labelledby={`template-tab-${kind}`}>
        <div className="template-bar">
          <p className="template-audience">{KIND_INFO[kind].audience}</p>
          <label className="switch-field">
            <input
              type="checkbox"
              className="switch"
              data-testid={`approval-${kind}`}
              checked={approvalRequired[kind]}
              onChange={(e) => {
                const on = e.target.checked;
                form.update((d) => ({ ...d, approvalRequired: { ...d.approvalRequired, [kind]: on } }), `approvalRequired.${kind}`);
              }}
            />
            <span>IC approval before sending</span>
          </label>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            data-testid="template-reset"
            disabled={isDefault}
            onClick={() => setText(DEFAULT_SETTINGS.templates[kind])}
          >
            Reset to default
          </button>
        </div>
        <PlaceholderPalette onInsert={insert} />
        {engineError && (
          <p className="field-error" role="alert">
            {engineError}
          </p>
        )}
        <div className="template-work">
          <TemplateEditor
            kind={KIND_INFO[kind].label}
            value={text}
            problems={rendered[kind].problems}
            textareaRef={textareaRef}
            onChange={setText}
          />
          <TemplatePreview text={rendered[kind].text} />
        </div>
      </div>
    </SectionFrame>
  );
}
