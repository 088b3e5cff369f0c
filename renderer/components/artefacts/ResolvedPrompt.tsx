import { useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { answerPrompt, promptAnswered } from '../../lib/artefact-prompt';
import { pendingFile } from '../../lib/pending-files';
import { pickFiles } from '../../lib/pick-files';
import { addPending } from '../../store/attachment-store';
import { focusEntryBox } from '../war-room/focus-entry';
import './artefacts.css';

/**
 * Once an incident is resolved, the dashboards and logs that explain it start to age out:
 * asked once (per incident, on this machine) to attach them while they still exist.
 */
export function ResolvedPrompt({ incident }: { incident: IncidentView }) {
  const [answered, setAnswered] = useState(() => promptAnswered(incident.id));
  if (answered || incident.timestamps.resolvedAt === null || incident.drill) return null;
  const answer = () => {
    answerPrompt(incident.id);
    setAnswered(true);
  };
  const attach = async () => {
    answer();
    focusEntryBox();
    const files = await pickFiles();
    addPending(incident.id, files.map((f) => pendingFile(f)));
    focusEntryBox();
  };
  return (
    <div className="af-prompt" role="status" data-testid="artefact-prompt">
      <p>
        <strong>Attach dashboards and log snippets now, while they exist.</strong> Paste a screenshot or a log into the line below, or pick files.
      </p>
      <button type="button" className="btn btn-small btn-primary" data-testid="artefact-prompt-attach" onClick={() => void attach()}>
        Attach files…
      </button>
      <button type="button" className="btn btn-small" data-testid="artefact-prompt-dismiss" onClick={answer}>
        Not now
      </button>
    </div>
  );
}
