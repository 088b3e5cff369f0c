import { useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import type { DismissOutcome } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { ChoiceGroup, type Choice } from '../../ChoiceGroup';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';

/** What a person may dismiss as; `attached` is the attach action's own. */
type ClosingOutcome = Exclude<DismissOutcome, 'attached'>;

const OUTCOMES: Choice<ClosingOutcome>[] = [
  {
    value: 'false-alarm',
    label: (
      <>
        <strong>False alarm</strong>
        <small>Nothing was wrong</small>
      </>
    ),
  },
  {
    value: 'minor',
    label: (
      <>
        <strong>Resolved by on-call</strong>
        <small>A minor issue, fixed without the full process</small>
      </>
    ),
  },
];

/** Closing a detection without declaring it: recorded, with why, and never reviewed. From the war room or the triage queue. */
export function DismissDialog({ incident, onClose }: { incident: Pick<IncidentView, 'id'>; onClose: () => void }) {
  const [outcome, setOutcome] = useState<ClosingOutcome>('false-alarm');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useCommand();

  async function submit() {
    const done = await run(() => api.call('incident.dismiss', { incidentId: incident.id, outcome, reason }));
    if (done) onClose();
  }

  return (
    <FormDialog
      title="Close without declaring"
      description="The detection stays on record as closed, with the reason."
      testId="dismiss-dialog"
      submitLabel={outcome === 'false-alarm' ? 'Dismiss as false alarm' : 'Close as resolved by on-call'}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <ChoiceGroup name="dismiss-outcome" legend="Outcome" choices={OUTCOMES} value={outcome} onChange={setOutcome} />
      <Field label="Reason (optional)" max={LIMITS.summary} value={reason}>
        <textarea dir="auto"
          className="input"
          data-testid="dismiss-reason"
          rows={2}
          autoFocus
          value={reason}
          placeholder="e.g. Synthetic check flapped during the probe rollout"
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
