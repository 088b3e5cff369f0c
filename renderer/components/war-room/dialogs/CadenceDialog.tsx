import { useState } from 'react';
import type { IncidentView } from '../../../../shared/contract/contract';
import { AUDIENCES, type Audience } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { ChoiceGroup } from '../../ChoiceGroup';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { AUDIENCE_LABELS } from '../labels';
import { useCommand } from '../use-command';

const AUDIENCE_CHOICES = AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }));
const minutesOf = (ms: number | null) => (ms === null ? '' : String(Math.round((ms / 60_000) * 100) / 100));

/** The IC sets how often an audience hears from us; the change is logged. */
export function CadenceDialog({ incident, audience: initial, onClose }: { incident: IncidentView; audience: Audience; onClose: () => void }) {
  const [audience, setAudience] = useState<Audience>(initial);
  const [every, setEvery] = useState(() => minutesOf(incident.cadence[initial].intervalMs));
  const [first, setFirst] = useState(() => minutesOf(incident.cadence[initial].firstMs));
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useCommand();

  const pick = (a: Audience) => {
    setAudience(a);
    setEvery(minutesOf(incident.cadence[a].intervalMs));
    setFirst(minutesOf(incident.cadence[a].firstMs));
  };

  async function submit() {
    const interval = every.trim() === '' ? null : Number(every);
    const firstMinutes = first.trim() === '' ? null : Number(first);
    if ((interval !== null && !Number.isFinite(interval)) || (firstMinutes !== null && !Number.isFinite(firstMinutes))) {
      setError('Minutes must be a number, such as 15 or 0.5.');
      return;
    }
    const done = await run(() =>
      api.call('cadence.set', { incidentId: incident.id, audience, intervalMinutes: interval, firstMinutes, reason }),
    );
    if (done) onClose();
  }

  return (
    <FormDialog
      title="Update cadence"
      description="How often this audience hears from us. Empty means no regular updates. The change goes on the timeline."
      testId="cadence-dialog"
      submitLabel="Set cadence"
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <ChoiceGroup name="cadence-audience" legend="Audience" choices={AUDIENCE_CHOICES} value={audience} onChange={pick} />
      <div className="field-row">
        <Field label="Every (minutes)">
          <input
            type="number"
            min={0.05}
            step="any"
            className="input"
            data-testid="cadence-every"
            autoFocus
            value={every}
            placeholder="no regular updates"
            onChange={(e) => setEvery(e.target.value)}
          />
        </Field>
        <Field label="First within (minutes)" hint="Before the first update only; empty uses the interval.">
          <input
            type="number"
            min={0.05}
            step="any"
            className="input"
            data-testid="cadence-first"
            value={first}
            onChange={(e) => setFirst(e.target.value)}
          />
        </Field>
      </div>
      <Field label="Reason (optional)">
        <input className="input" data-testid="cadence-reason" value={reason} placeholder="e.g. Customers asked for updates every 15 minutes" onChange={(e) => setReason(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
