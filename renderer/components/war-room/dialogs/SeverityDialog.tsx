import { useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import { type Severity } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { ChoiceGroup } from '../../ChoiceGroup';
import { SEVERITY_CHOICES } from '../../declare-form';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';

interface Props {
  incident: IncidentView;
  initial?: Severity;
  onClose: () => void;
}

/** A severity change says why: the reason goes on the timeline, and the new policy's clocks apply. */
export function SeverityDialog({ incident, initial, onClose }: Props) {
  const [severity, setSeverity] = useState<Severity>(initial ?? incident.severity);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useCommand();
  const changed = severity !== incident.severity;

  async function submit() {
    const done = await run(() => api.call('incident.setSeverity', { incidentId: incident.id, severity, reason }));
    if (done) onClose();
  }

  return (
    <FormDialog
      title="Change severity"
      description={`Now ${incident.severity}. The new severity's cadence and escalation policy take over; the reason goes on the timeline.`}
      testId="severity-dialog"
      submitLabel={changed ? `Change to ${severity}` : 'Pick a new severity'}
      submitTone={severity === 'SEV1' ? 'danger' : 'primary'}
      canSubmit={changed && reason.trim() !== ''}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <ChoiceGroup name="new-severity" legend="Severity" choices={SEVERITY_CHOICES} value={severity} onChange={setSeverity} />
      <Field label="Why" hint="Required: what changed in impact or scope." max={LIMITS.summary} value={reason}>
        <textarea dir="auto"
          className="input"
          data-testid="severity-reason"
          rows={2}
          autoFocus
          value={reason}
          placeholder="e.g. Scope grew: US customers now affected too"
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
