import { useRef, type KeyboardEvent } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { renderTemplate } from '../../../shared/domain/drafts/render';
import { DRAFT_KINDS } from '../../../shared/domain/incident';
import { useSettingsDrafts, type FormId } from './draft-store';
import { SAMPLE_VALUES } from './sample-values';
import { SECTIONS, type SectionId } from './sections';
import { sectionIsDirty } from './section-forms';
import { useSyncWords } from '../sync/use-sync-words';

interface Props {
  current: SectionId;
  settings: Settings;
  onSelect: (section: SectionId) => void;
}

/** The sections down the left; a dot marks unsaved changes, a count marks saved template problems. */
export function SettingsNav({ current, settings, onSelect }: Props) {
  const drafts = useSettingsDrafts((s) => s.drafts);
  const failed = useSettingsDrafts((s) => s.forms);
  const refs = useRef<Partial<Record<SectionId, HTMLButtonElement | null>>>({});
  const sync = useSyncWords();
  const templateProblems = DRAFT_KINDS.filter((k) => renderTemplate(settings.templates[k], SAMPLE_VALUES).problems.length > 0).length;

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const at = SECTIONS.findIndex((s) => s.id === current);
    const next = SECTIONS[(at + step + SECTIONS.length) % SECTIONS.length]!.id;
    onSelect(next);
    refs.current[next]?.focus();
  };

  return (
    <nav className="settings-nav" aria-label="Settings sections" onKeyDown={onKeyDown}>
      <div className="settings-nav-head">
        <h1 className="settings-title">Settings</h1>
        <p className="settings-subtitle">Kept on this machine; used by every incident declared here.</p>
      </div>
      {SECTIONS.map((section) => {
        const dirty = sectionIsDirty(section.id, settings, drafts);
        const forms: FormId[] = section.id === 'roster' ? ['person'] : section.id === 'sources' ? ['alertPull', 'alertRules'] : [section.id];
        const hasError = forms.some((form) => failed[form]?.status === 'failed');
        const detail =
          section.id === 'roster'
            ? `${settings.roster.length} ${settings.roster.length === 1 ? 'person' : 'people'}`
            : section.id === 'operator' && settings.operatorName
              ? settings.operatorName
              : section.id === 'sync' && sync
                ? sync.label
                : section.hint;
        return (
          <button
            key={section.id}
            ref={(el) => {
              refs.current[section.id] = el;
            }}
            type="button"
            className="settings-nav-item"
            aria-current={section.id === current ? 'page' : undefined}
            data-testid={`settings-nav-${section.id}`}
            onClick={() => onSelect(section.id)}
          >
            <span className="settings-nav-label">
              {section.label}
              {hasError ? (
                <span className="dot dot-error" title="Not saved: see the marked fields" aria-label="not saved" />
              ) : (
                dirty && <span className="dot dot-dirty" title="Unsaved changes" aria-label="unsaved changes" />
              )}
              {section.id === 'templates' && templateProblems > 0 && (
                <span className="badge badge-warn" title="Saved templates with problems">
                  {templateProblems}
                </span>
              )}
            </span>
            <span className="settings-nav-hint">{detail}</span>
          </button>
        );
      })}
    </nav>
  );
}
