import { useEffect, useState } from 'react';
import { loadHistory, loadScenarios, useDrillLibrary } from '../../store/drill-library-store';
import { Notice } from '../Notice';
import { DrillHistoryCard } from './DrillHistoryCard';
import { PastDrills } from './PastDrills';
import { ScenarioCard } from './ScenarioCard';
import { type ScenarioFile, ScenarioFileButton } from './ScenarioFileButton';
import { StartDrillBar, type StartFrom } from './StartDrillBar';
import '../review-kit.css';
import '../metrics/Metrics.css';
import './drills.css';

/**
 * Practice in the tool used for real: choose a scenario, name the team, start. Below, how past
 * drills scored and how the scores move over time.
 */
export function DrillsView() {
  const { scenarios, teams, people, drills, error } = useDrillLibrary();
  const [file, setFile] = useState<ScenarioFile | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    void loadScenarios();
    void loadHistory();
  }, []);

  const fileKey = file ? `file:${file.scenario.id}` : null;
  // The first built-in scenario is chosen until someone picks another.
  const picked = chosen ?? scenarios?.[0]?.id ?? null;
  const fromFile = file !== null && picked === fileKey;
  const builtin = fromFile ? undefined : scenarios?.find((s) => s.id === picked);
  const from: StartFrom | null = fromFile ? { fileName: file.fileName, text: file.text } : builtin ? { builtin: builtin.id } : null;
  const name = fromFile ? file.scenario.name : (builtin?.name ?? null);

  return (
    <div className="mx drills" data-testid="drills-view">
      <header className="mx-head">
        <div className="mx-head-titles">
          <h1 className="mx-title">Drills</h1>
          <span className="mx-head-sub">
            Practice incidents, marked DRILL everywhere, scored from what the team did · <b>{drills}</b> run here
          </span>
        </div>
        <ScenarioFileButton
          onLoaded={(loaded) => {
            setFile(loaded);
            setChosen(`file:${loaded.scenario.id}`);
          }}
        />
      </header>
      <div className="mx-scroll">
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <section aria-labelledby="drill-scenarios-title" className="drill-section">
          <h2 className="drill-section-title" id="drill-scenarios-title">
            1 · Choose a scenario
          </h2>
          {scenarios === null ? (
            <Notice title="Loading scenarios…" />
          ) : (
            <div className="drill-cards" role="radiogroup" aria-labelledby="drill-scenarios-title">
              {file && <ScenarioCard scenario={file.scenario} fileName={file.fileName} chosen={picked === fileKey} onChoose={() => setChosen(fileKey)} />}
              {scenarios.map((s) => (
                <ScenarioCard key={s.id} scenario={s} chosen={picked === s.id} onChoose={() => setChosen(s.id)} />
              ))}
            </div>
          )}
        </section>
        <section aria-labelledby="drill-start-title" className="drill-section">
          <h2 className="drill-section-title" id="drill-start-title">
            2 · Who practises, and how fast
          </h2>
          <StartDrillBar from={from} name={name} />
        </section>
        <div className="drill-results">
          <section aria-labelledby="drill-past-title" className="mx-card drill-past-card">
            <h2 className="mx-card-title" id="drill-past-title">
              Past drills
            </h2>
            <PastDrills teams={teams} />
          </section>
          <DrillHistoryCard teams={teams} people={people} />
        </div>
      </div>
    </div>
  );
}
