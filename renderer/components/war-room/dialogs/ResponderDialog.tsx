import { useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import { api } from '../../../api';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { PersonPicker, type PersonValue } from '../PersonPicker';
import { useCommand } from '../use-command';

/** Bringing a subject-matter expert or another responder into the incident. */
export function ResponderDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const [person, setPerson] = useState<PersonValue>({ name: '', contact: '' });
  const [expertise, setExpertise] = useState('');
  const { busy, error, run } = useCommand();
  const present = incident.responders.filter((r) => r.leftAt === null).map((r) => r.name);

  async function submit() {
    const done = await run(() => api.call('responder.add', { incidentId: incident.id, name: person.name, contact: person.contact, expertise }));
    if (done) onClose();
  }

  return (
    <FormDialog
      title="Add a responder"
      description="A subject-matter expert or anyone else working the incident; their time on it is counted."
      testId="responder-dialog"
      submitLabel="Add responder"
      canSubmit={person.name.trim() !== ''}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <PersonPicker value={person} onChange={setPerson} role={null} exclude={present} autoFocus />
      <Field label="Expertise" max={LIMITS.name} value={expertise}>
        <input
          className="input"
          data-testid="responder-expertise"
          value={expertise}
          placeholder="e.g. Payments provider integration"
          onChange={(e) => setExpertise(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
