import { useRef, useState } from 'react';
import type { Scenario } from '../../../shared/drills/types';
import { api } from '../../api';

export interface ScenarioFile {
  fileName: string;
  text: string;
  scenario: Scenario;
}

/** Load a scenario file: the engine checks it and its errors (which name the field and the line) are shown as they are. */
export function ScenarioFileButton({ onLoaded }: { onLoaded: (file: ScenarioFile) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<{ fileName: string; message: string } | null>(null);
  async function check(file: File) {
    const text = await file.text();
    const result = await api.call('drill.checkScenario', { fileName: file.name, text });
    if (!result.ok) {
      // Verbatim: each line names the field and the line of the file, which is what the author needs.
      setError({ fileName: file.name, message: result.error.message });
      return;
    }
    setError(null);
    onLoaded({ fileName: file.name, text, scenario: result.value });
  }
  return (
    <div className="drill-file">
      <button type="button" className="btn btn-small" data-testid="scenario-file-button" onClick={() => input.current?.click()}>
        Load a scenario file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scenario-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void check(file);
        }}
      />
      {error && (
        <div className="form-error drill-file-error" role="alert" data-testid="scenario-file-error">
          <b>{error.fileName}</b> cannot be used:
          <pre>{error.message}</pre>
        </div>
      )}
    </div>
  );
}
