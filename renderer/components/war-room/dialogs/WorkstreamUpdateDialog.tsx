import { useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import { WORKSTREAM_STATUSES, type Workstream, type WorkstreamStatus } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { namesOnIncident } from '../../../lib/people';
import { formatClock } from '../../../lib/time';
import { ChoiceGroup } from '../../ChoiceGroup';
import { CheckInPicker, checkInAt, type CheckInChoice } from '../CheckInPicker';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { WORKSTREAM_STATUS_LABELS } from '../labels';
import { useCommand } from '../use-command';
import { nowOn } from '../../../lib/incident-now';

const STATUS_CHOICES = WORKSTREAM_STATUSES.map((s) => ({ value: s, label: WORKSTREAM_STATUS_LABELS[s], className: `choice-ws-${s}` }));

interface Props {
  incident: IncidentView;
  workstream: Workstream;
  onClose: () => void;
}

/** The owner reports: status, next step, when they check in again. Changing nothing still counts as a report. */
export function WorkstreamUpdateDialog({ incident, workstream: opened, onClose }: Props) {
  const workstream = incident.workstreams.find((w) => w.id === opened.id) ?? opened;
  const [status, setStatus] = useState<WorkstreamStatus>(workstream.status);
  const [owner, setOwner] = useState(workstream.owner);
  const [nextStep, setNextStep] = useState(workstream.nextStep);
  const [checkIn, setCheckIn] = useState<CheckInChoice>(workstream.checkInAt === null ? { kind: 'in', minutes: 15 } : { kind: 'keep' });
  const { busy, error, run } = useCommand();
  const people = namesOnIncident(incident);

  async function submit() {
    const at = status === 'done' ? null : checkInAt(checkIn, nowOn(incident));
    const done = await run(() =>
      api.call('workstream.update', {
        incidentId: incident.id,
        workstreamId: workstream.id,
        ...(status !== workstream.status ? { status } : {}),
        ...(owner !== workstream.owner ? { owner } : {}),
        ...(nextStep !== workstream.nextStep ? { nextStep } : {}),
        ...(at !== undefined && at !== workstream.checkInAt ? { checkInAt: at } : {}),
      }),
    );
    if (done) onClose();
  }

  const keepLabel = workstream.checkInAt === null ? null : `Keep ${formatClock(workstream.checkInAt)}`;
  return (
    <FormDialog
      title={`Report: ${workstream.title}`}
      description="Saving with no change records that the workstream reported in."
      testId="workstream-update-dialog"
      submitLabel="Save report"
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <ChoiceGroup name="workstream-status" legend="Status" choices={STATUS_CHOICES} value={status} onChange={setStatus} />
      <Field label="Next step or hypothesis" max={LIMITS.summary} value={nextStep}>
        <textarea dir="auto" className="input" data-testid="workstream-next" rows={3} autoFocus value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
      </Field>
      <Field label="Owner" max={LIMITS.name} value={owner}>
        <input className="input" list="wr-people-update" value={owner} onChange={(e) => setOwner(e.target.value)} />
      </Field>
      <datalist id="wr-people-update">
        {people.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {status !== 'done' && <CheckInPicker value={checkIn} onChange={setCheckIn} keepLabel={keepLabel} />}
    </FormDialog>
  );
}
