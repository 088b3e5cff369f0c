import { type KeyboardEvent, useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { api } from '../../api';
import { useCommand } from './use-command';

/** The title, editable in place: Enter saves, Escape puts it back. A refusal keeps the text. */
export function EditableTitle({ incident }: { incident: IncidentView }) {
  const [editing, setEditing] = useState<string | null>(null);
  const { busy, error, setError, run } = useCommand();

  async function save() {
    if (editing === null) return;
    if (editing.trim() === incident.title) {
      setEditing(null);
      return;
    }
    const done = await run(() => api.call('incident.update', { incidentId: incident.id, title: editing }));
    if (done) setEditing(null);
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setEditing(null);
      setError(null);
    }
  };

  if (editing !== null) {
    return (
      <div className="title-edit">
        <input
          className="input title-input"
          data-testid="title-input"
          aria-label="Incident title"
          autoFocus
          value={editing}
          disabled={busy}
          onChange={(e) => setEditing(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (!error && editing.trim() === incident.title) setEditing(null);
          }}
        />
        {error && (
          <span className="form-error title-error" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }
  return (
    <h1 className="incident-title" data-testid="incident-title" title={`${incident.title} — click to edit`}>
      <button type="button" className="title-button" onClick={() => setEditing(incident.title)} aria-label={`${incident.title}. Edit title`}>
        {incident.title}
      </button>
    </h1>
  );
}
