import type { IncidentView } from '../../../../shared/contract/contract';
import { LIMITS } from '../../../../shared/contract/limits';
import { WORKSTREAM_KINDS, type WorkstreamKind } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { namesOnIncident } from '../../../lib/people';
import { hasStrings, isRecord } from '../../../lib/saved-forms';
import { ChoiceGroup } from '../../ChoiceGroup';
import { CheckInPicker, checkInAt, type CheckInChoice } from '../CheckInPicker';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';
import { useSavedForm } from '../use-saved-form';
import { WORKSTREAM_KIND_LABELS } from '../labels';
import { nowOn } from '../../../lib/incident-now';

const KIND_CHOICES = WORKSTREAM_KINDS.map((k) => ({ value: k, label: WORKSTREAM_KIND_LABELS[k] }));

interface WorkstreamForm {
  title: string;
  kind: WorkstreamKind;
  owner: string;
  nextStep: string;
  checkIn: CheckInChoice;
}

const freshForm = (): WorkstreamForm => ({ title: '', kind: 'investigate', owner: '', nextStep: '', checkIn: { kind: 'in', minutes: 15 } });

function isWorkstreamForm(value: unknown): value is WorkstreamForm {
  if (!isRecord(value) || !hasStrings(value, ['title', 'owner', 'nextStep'])) return false;
  const checkIn = value.checkIn;
  const checkInOk = isRecord(checkIn) && (checkIn.kind === 'none' || (checkIn.kind === 'in' && typeof checkIn.minutes === 'number'));
  return checkInOk && (WORKSTREAM_KINDS as readonly unknown[]).includes(value.kind);
}

/** A parallel line of work with an owner, a next step and when they report back. */
export function WorkstreamOpenDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const form = useSavedForm(incident.id, 'workstream-open', isWorkstreamForm, freshForm);
  const { title, kind, owner, nextStep, checkIn } = form.value;
  const edit = <K extends keyof WorkstreamForm>(key: K) => (value: WorkstreamForm[K]) => form.set((f) => ({ ...f, [key]: value }));
  const { busy, error, run } = useCommand();
  const people = namesOnIncident(incident);

  async function submit() {
    const opened = await run(() =>
      api.call('workstream.open', { incidentId: incident.id, title, kind, owner, nextStep, checkInAt: checkInAt(checkIn, nowOn(incident)) ?? null }),
    );
    if (!opened) return;
    form.discard();
    onClose();
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
      onDiscard={form.discard}
    >
      <Field label="Title" max={LIMITS.title} value={title}>
        <input
          className="input"
          data-testid="workstream-title"
          autoFocus
          value={title}
          placeholder="e.g. Roll back checkout-api in eu-west-1"
          onChange={(e) => edit('title')(e.target.value)}
        />
      </Field>
      <ChoiceGroup name="workstream-kind" legend="Kind" choices={KIND_CHOICES} value={kind} onChange={edit('kind')} />
      <div className="field-row">
        <Field label="Owner" max={LIMITS.name} value={owner}>
          <input className="input" data-testid="workstream-owner" list="wr-people" value={owner} placeholder="Who reports on it" onChange={(e) => edit('owner')(e.target.value)} />
        </Field>
        <datalist id="wr-people">
          {people.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <Field label="Next step or hypothesis" max={LIMITS.summary} value={nextStep}>
        <textarea dir="auto"
          className="input"
          data-testid="workstream-next"
          rows={2}
          value={nextStep}
          placeholder="e.g. Confirm the pool limit in staging at EU pod count"
          onChange={(e) => edit('nextStep')(e.target.value)}
        />
      </Field>
      <CheckInPicker value={checkIn} onChange={edit('checkIn')} />
    </FormDialog>
  );
}
