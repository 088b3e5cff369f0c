import { useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import { ROLE_LABELS, type RoleKey } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';

/** Leaving a role empty on purpose (handing it off is the usual way). */
export function ReleaseDialog({ incident, role, onClose }: { incident: IncidentView; role: RoleKey; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useCommand();
  const holder = incident.roles[role];

  async function submit() {
    const done = await run(() => api.call('role.release', { incidentId: incident.id, role, reason }));
    if (done) onClose();
  }

  return (
    <FormDialog
      title={`Release ${ROLE_LABELS[role].toLowerCase()}`}
      description={holder ? `${holder.name} steps out and the role is left empty.` : 'Nobody holds this role.'}
      testId="release-dialog"
      submitLabel="Release"
      busy={busy}
      error={error}
      size="narrow"
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label="Reason (optional)" max={LIMITS.summary} value={reason}>
        <input className="input" autoFocus value={reason} placeholder="e.g. Scope reduced; not needed" onChange={(e) => setReason(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
