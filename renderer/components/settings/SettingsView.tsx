import { useEffect, useState, type JSX } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { loadSettings, useSettings } from '../../store/settings-store';
import { Notice } from '../Notice';
import { AlertSourcesSection } from './AlertSourcesSection';
import { AlertsSection } from './AlertsSection';
import { CadenceSection } from './CadenceSection';
import { ChecklistsSection } from './ChecklistsSection';
import { EscalationSection } from './EscalationSection';
import { OperatorSection } from './OperatorSection';
import { RolesSection } from './RolesSection';
import { RosterSection } from './RosterSection';
import { sectionFromHash, type SectionId } from './sections';
import { ServicesSection } from './ServicesSection';
import { SyncSection } from './SyncSection';
import { SettingsNav } from './SettingsNav';
import { TemplatesSection } from './TemplatesSection';
import './settings.css';

const VIEWS: Record<SectionId, (props: { settings: Settings }) => JSX.Element> = {
  operator: OperatorSection,
  roster: RosterSection,
  roles: RolesSection,
  checklists: ChecklistsSection,
  cadence: CadenceSection,
  escalation: EscalationSection,
  templates: TemplatesSection,
  alerts: AlertsSection,
  sources: AlertSourcesSection,
  sync: SyncSection,
  services: ServicesSection,
};

/** The section lives in the address (`#/settings/cadence`) so a reload comes back to it. */
function useSection(): [SectionId, (section: SectionId) => void] {
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    const follow = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const select = (next: SectionId) => {
    setSection(next);
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}#/settings/${next}`);
  };
  return [section, select];
}

export function SettingsView() {
  const settings = useSettings((s) => s.settings);
  const error = useSettings((s) => s.error);
  const [section, select] = useSection();

  if (!settings) {
    return error ? (
      <Notice tone="danger" title="Could not load settings">
        {error.message}
        <button type="button" className="btn" onClick={() => void loadSettings()}>
          Try again
        </button>
      </Notice>
    ) : (
      <Notice title="Loading settings…" />
    );
  }
  const Section = VIEWS[section];
  return (
    <div className="settings" data-testid="settings-view">
      <SettingsNav current={section} settings={settings} onSelect={select} />
      <Section settings={settings} />
    </div>
  );
}
