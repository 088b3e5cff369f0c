import { useState } from 'react';
import type { IncidentView } from '../../../../shared/contract/contract';
import { ROLE_KEYS, ROLE_LABELS, type RoleKey } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { PersonPicker, type PersonValue } from '../PersonPicker';
import { useCommand } from '../use-command';

interface Props {
  incident: IncidentView;
  role?: RoleKey;
  onClose: () => void;
}

/** Gives an empty role to someone picked from the roster or typed in. */
export function AssignDialog({ incident, role: initialRole, onClose }: Props) {
  const firstEmpty = ROLE_KEYS.find((r) => !incident.roles[r]) ?? 'incident-commander';
  const [role, setRole] = useState<RoleKey>(initialRole ?? firstEmpty);
  const [person, setPerson] = useState<PersonValue>({ name: '', contact: '' });
  const { busy, error, run } = useCommand();
  const holder = incident.roles[role];

  async function submit() {
    const done = await run(() => api.call('role.assign', { incidentId: incident.id, role, name: person.name, contact: person.contact }));
    if (done) onClose();
  }

  return (
    <FormDialog
      title={`Assign ${ROLE_LABELS[role].toLowerCase()}`}
      description="The assignment goes on the timeline with the contact line."
      testId="assign-dialog"
      submitLabel="Assign"
      canSubmit={person.name.trim() !== ''}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label="Role" hint={holder ? `${holder.name} holds it now: hand it off instead.` : undefined}>
        <select className="input" data-testid="assign-role" value={role} onChange={(e) => setRole(e.target.value as RoleKey)}>
          {ROLE_KEYS.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
              {incident.roles[r] ? ` — ${incident.roles[r]!.name}` : ' — empty'}
            </option>
          ))}
        </select>
      </Field>
      <PersonPicker value={person} onChange={setPerson} role={role} autoFocus />
    </FormDialog>
  );
}
