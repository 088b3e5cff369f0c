import { useEffect } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { loadIntakeEndpoint, loadIntakeSources, useIntake } from '../../store/intake-store';
import { AlertRulesCard } from './AlertRulesCard';
import { IntakeCard } from './IntakeCard';
import { PullCard } from './PullCard';
import { SectionFrame } from './SectionFrame';

/** How often the polling status is asked again while the section is open; the engine pushes no event for it. */
const STATUS_EVERY_MS = 2_000;

function PullPart() {
  const view = useIntake((s) => s.sources);
  const error = useIntake((s) => s.sourcesError);
  if (view) return <PullCard view={view} />;
  return (
    <section className="card intake-card" aria-labelledby="pull-title" data-testid="pull-form">
      <h3 className="card-heading" id="pull-title">
        Follow an Alertmanager
      </h3>
      {error ? (
        <p className="field-error" role="alert">
          Could not read the followed Alertmanager: {error.message}{' '}
          <button type="button" className="btn btn-small" onClick={() => void loadIntakeSources()}>
            Try again
          </button>
        </p>
      ) : (
        <p className="field-help">Loading…</p>
      )}
    </section>
  );
}

export function AlertSourcesSection({ settings }: { settings: Settings }) {
  useEffect(() => {
    void loadIntakeEndpoint();
    void loadIntakeSources();
    const timer = setInterval(() => void loadIntakeSources(), STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <SectionFrame
      id="sources"
      title="Alert sources"
      description="Where alerts come in: monitoring posts them to this console’s intake, or the console follows an Alertmanager. Labels decide each alert’s severity, and routes send related alerts to the incident already open."
    >
      <IntakeCard />
      <PullPart />
      <AlertRulesCard settings={settings} />
    </SectionFrame>
  );
}
