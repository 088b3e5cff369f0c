import { useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import { api } from '../../../api';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { PersonPicker, type PersonValue } from '../PersonPicker';
import { useCommand } from '../use-command';

/** Lateral escalation: call in an expert now; the page and its contact line are logged. */
export function PageDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const [person, setPerson] = useState<PersonValue>({ name: '', contact: '' });
  const [reason, setReason] = useState('');
  const { busy, error, run } = useCommand();

  async function submit() {
    const done = await run(() => api.call('escalation.page', { incidentId: incident.id, target: person.name, contact: person.contact, reason }));
    if (done) onClose();
  }

  return (
    <FormDialog
      title="Page an expert"
      description="A page outside the policy ladder. Call them on the contact line; the page is logged."
      testId="page-dialog"
      submitLabel={person.name.trim() ? `Page ${person.name.trim()}` : 'Page'}
      submitTone="danger"
      canSubmit={person.name.trim() !== ''}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <PersonPicker value={person} onChange={setPerson} role={null} autoFocus nameLabel="Who" />
      <Field label="Why (optional)" max={LIMITS.summary} value={reason}>
        <input
          className="input"
          data-testid="page-reason"
          value={reason}
          placeholder="e.g. Need the payments provider integration owner"
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
