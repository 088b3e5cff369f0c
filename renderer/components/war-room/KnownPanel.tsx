import { useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { api } from '../../api';
import { useCommand } from './use-command';

/** The summary everybody reads first: what is known, editable by the commander. */
export function KnownPanel({ incident }: { incident: IncidentView }) {
  const [editing, setEditing] = useState<string | null>(null);
  const { busy, error, run } = useCommand();

  async function save() {
    if (editing === null) return;
    if (editing.trim() === incident.summary) {
      setEditing(null);
      return;
    }
    const done = await run(() => api.call('incident.update', { incidentId: incident.id, summary: editing }));
    if (done) setEditing(null);
  }

  return (
    <section className="side-section" aria-label="What is known">
      <div className="side-head">
        <h2 className="panel-title">What is known</h2>
        {editing === null ? (
          <button type="button" className="btn btn-sm btn-quiet" data-testid="summary-edit" onClick={() => setEditing(incident.summary)}>
            Edit
          </button>
        ) : (
          <span className="side-head-actions">
            <button type="button" className="btn btn-sm btn-quiet" onClick={() => setEditing(null)}>
              Cancel
            </button>
            <button type="button" className="btn btn-sm btn-primary" data-testid="summary-save" disabled={busy} onClick={() => void save()}>
              Save
            </button>
          </span>
        )}
      </div>
      {editing === null ? (
        <p className={`facts-summary${incident.summary ? '' : ' is-empty'}`}>{incident.summary || 'Nothing written yet.'}</p>
      ) : (
        <textarea dir="auto"
          className="input summary-input"
          aria-label="What is known"
          rows={5}
          autoFocus
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
          }}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
