import { useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import { api } from '../../../api';
import { findLoadedEntry } from '../../../store/timeline-store';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';

/** Striking a line that was wrong: it stays on the timeline, crossed out, with why. */
export function StrikeDialog({ incident, entryId, onClose }: { incident: IncidentView; entryId: string; onClose: () => void }) {
  // The row it was opened from is loaded; a line just logged is in the state's tail.
  const entry = findLoadedEntry(entryId) ?? incident.timeline.find((e) => e.id === entryId);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useCommand();

  async function submit() {
    const done = await run(() => api.call('timeline.strike', { incidentId: incident.id, entryId, reason }));
    if (done) onClose();
  }

  return (
    <FormDialog
      title="Strike entry"
      description="It stays on the timeline, crossed out; nothing is deleted."
      testId="strike-dialog"
      submitLabel="Strike"
      submitTone="danger"
      busy={busy}
      error={error}
      size="narrow"
      onSubmit={submit}
      onClose={onClose}
    >
      {entry && <blockquote className="quoted-entry">{entry.text}</blockquote>}
      <Field label="Why (optional)" max={LIMITS.summary} value={reason}>
        <input
          className="input"
          data-testid="strike-reason"
          autoFocus
          value={reason}
          placeholder="e.g. Logged on the wrong incident"
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
