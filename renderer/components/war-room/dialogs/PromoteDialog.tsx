import { useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import type { Severity } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { ChoiceGroup } from '../../ChoiceGroup';
import { SEVERITY_CHOICES } from '../../declare-form';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';

/** Turning a detection into a declared incident: the clocks and escalation start now. */
export function PromoteDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useCommand();

  async function submit() {
    const done = await run(() => api.call('incident.promote', { incidentId: incident.id, severity, reason }));
    if (done) onClose();
  }

  return (
    <FormDialog
      title="Declare this incident"
      description="Declaring starts the update cadence and the escalation policy for the severity chosen."
      testId="promote-dialog"
      submitLabel={`Declare ${severity}`}
      submitTone="danger"
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <ChoiceGroup name="promote-severity" legend="Severity" choices={SEVERITY_CHOICES} value={severity} onChange={setSeverity} />
      <Field label="Reason (optional)" max={LIMITS.summary} value={reason}>
        <textarea dir="auto" className="input" rows={2} autoFocus value={reason} placeholder="e.g. Customer impact confirmed" onChange={(e) => setReason(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
