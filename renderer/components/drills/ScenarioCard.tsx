import type { Scenario } from '../../../shared/drills/types';
import { SeverityChip } from '../SeverityChip';

interface Props {
  scenario: Scenario;
  /** Where it came from, when not built in: the file's name. */
  fileName?: string;
  chosen: boolean;
  onChoose: () => void;
}

/** One scenario to run: what it is, what a good response reaches, how long and how many injects. */
export function ScenarioCard({ scenario, fileName, chosen, onChoose }: Props) {
  return (
    <div className={`drill-card${chosen ? ' is-chosen' : ''}`} data-testid="scenario-card" data-scenario-id={scenario.id}>
      <button type="button" className="drill-card-pick" role="radio" aria-checked={chosen} onClick={onChoose}>
        <span className="drill-card-head">
          <span className="drill-card-name">{scenario.name}</span>
          <SeverityChip severity={scenario.expectedSeverity} size="small" />
        </span>
        {fileName && <span className="drill-card-file">from {fileName}</span>}
        <span className="drill-card-summary">{scenario.summary}</span>
        <span className="drill-card-facts">
          <span>{scenario.services.join(', ')}</span>
          <span>about {scenario.durationMinutes} min</span>
          <span>
            {scenario.injects.length} {scenario.injects.length === 1 ? 'inject' : 'injects'}
          </span>
          <span>a good response reaches {scenario.expectedSeverity}</span>
        </span>
      </button>
    </div>
  );
}
