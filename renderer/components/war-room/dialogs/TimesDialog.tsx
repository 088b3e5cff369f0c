import { useState } from 'react';
import type { IncidentView } from '../../../../shared/contract/contract';
import type { BackfillField, IncidentTimestamps } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { fromLocalInput, toLocalInput } from '../../../lib/local-input';
import { formatMoment, formatUtc } from '../../../lib/time';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';
import { nowOn } from '../../../lib/incident-now';

const MILESTONES: [keyof IncidentTimestamps, string][] = [
  ['impactStartedAt', 'Impact started'],
  ['detectedAt', 'Detected'],
  ['acknowledgedAt', 'Acknowledged'],
  ['declaredAt', 'Declared'],
  ['mitigatedAt', 'Mitigated'],
  ['resolvedAt', 'Resolved'],
  ['closedAt', 'Closed'],
];
const BACKFILL = new Set<keyof IncidentTimestamps>(['impactStartedAt', 'detectedAt', 'acknowledgedAt']);

/**
 * Every milestone; the three that are often learned late (impact start, detection,
 * acknowledgement) can be set after the fact, with a reason, and the clocks follow.
 */
export function TimesDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const t = incident.timestamps;
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries([...BACKFILL].map((k) => [k, t[k] === null ? '' : toLocalInput(t[k]!)])),
  );
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, setError, run } = useCommand();
  const now = nowOn(incident);

  async function set(field: BackfillField) {
    const raw = values[field] ?? '';
    const at = raw === '' ? null : fromLocalInput(raw);
    if (raw !== '' && at === null) {
      setError('That is not a date and time.');
      return;
    }
    const done = await run(() => api.call('incident.setTime', { incidentId: incident.id, field, at, reason }));
    if (done) setSaved(field);
  }

  return (
    <FormDialog
      title="Milestones"
      description="Local time; UTC on hover. Impact start, detection and acknowledgement can be set after the fact — the change and its reason go on the timeline."
      testId="times-dialog"
      submitLabel="Done"
      busy={false}
      error={error}
      onSubmit={onClose}
      onClose={onClose}
    >
      <div className="milestones">
        {MILESTONES.map(([key, label]) => {
          const at = t[key];
          const editable = BACKFILL.has(key);
          return (
            <div key={key} className={`milestone${at === null ? ' is-pending' : ''}`} data-testid={`milestone-${key}`}>
              <span className="milestone-label">{label}</span>
              <span className="milestone-value" title={at === null ? undefined : formatUtc(at)}>
                {at === null ? '—' : formatMoment(at, now)}
              </span>
              {editable ? (
                <span className="milestone-edit">
                  <input
                    type="datetime-local"
                    step={1}
                    className="input input-time"
                    aria-label={`${label} time`}
                    data-testid={`time-${key}`}
                    value={values[key] ?? ''}
                    onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
                  />
                  <button
                    type="button"
                    className="btn btn-sm"
                    data-testid={`set-${key}`}
                    disabled={busy}
                    onClick={() => void set(key as BackfillField)}
                  >
                    {saved === key ? 'Set ✓' : 'Set'}
                  </button>
                </span>
              ) : (
                <span className="milestone-edit milestone-auto">recorded by the status</span>
              )}
            </div>
          );
        })}
      </div>
      <Field label="Reason for a change (optional)">
        <input
          className="input"
          data-testid="times-reason"
          value={reason}
          placeholder="e.g. Dashboards show errors from 02:35, before the alert fired"
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
