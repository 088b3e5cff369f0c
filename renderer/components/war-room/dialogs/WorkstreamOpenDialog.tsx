import { useState } from 'react';
import type { IncidentView } from '../../../../shared/contract/contract';
import { WORKSTREAM_KINDS, type WorkstreamKind } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { namesOnIncident } from '../../../lib/people';
import { ChoiceGroup } from '../../ChoiceGroup';
import { CheckInPicker, checkInAt, type CheckInChoice } from '../CheckInPicker';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';
import { WORKSTREAM_KIND_LABELS } from '../labels';

const KIND_CHOICES = WORKSTREAM_KINDS.map((k) => ({ value: k, label: WORKSTREAM_KIND_LABELS[k] }));

/** A parallel line of work with an owner, a next step and when they report back. */
export function WorkstreamOpenDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<WorkstreamKind>('investigate');
  const [owner, setOwner] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [checkIn, setCheckIn] = useState<CheckInChoice>({ kind: 'in', minutes: 15 });
  const { busy, error, run } = useCommand();
  const people = namesOnIncident(incident);

  async function submit() {
    const opened = await run(() =>
      api.call('workstream.open', { incidentId: incident.id, title, kind, owner, nextStep, checkInAt: checkInAt(checkIn) ?? null }),
    );
    if (opened) onClose();
  }

  return (
    <FormDialog
      title="Open a workstream"
      testId="workstream-open-dialog"
      submitLabel="Open workstream"
      canSubmit={title.trim() !== ''}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label="Title">
        <input
          className="input"
          data-testid="workstream-title"
          autoFocus
          value={title}
          placeholder="e.g. Roll back checkout-api in eu-west-1"
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <ChoiceGroup name="workstream-kind" legend="Kind" choices={KIND_CHOICES} value={kind} onChange={setKind} />
      <div className="field-row">
        <Field label="Owner">
          <input className="input" data-testid="workstream-owner" list="wr-people" value={owner} placeholder="Who reports on it" onChange={(e) => setOwner(e.target.value)} />
        </Field>
        <datalist id="wr-people">
          {people.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <Field label="Next step or hypothesis">
        <textarea dir="auto"
          className="input"
          data-testid="workstream-next"
          rows={2}
          value={nextStep}
          placeholder="e.g. Confirm the pool limit in staging at EU pod count"
          onChange={(e) => setNextStep(e.target.value)}
        />
      </Field>
      <CheckInPicker value={checkIn} onChange={setCheckIn} />
    </FormDialog>
  );
}
