import { useMemo } from 'react';
import type { WorkingHours } from '../../../shared/metrics/working-hours';
import { useTimeZone } from '../../lib/zone';
import { FieldError, invalidProps } from './FieldError';
import type { FieldErrors } from './field-errors';
import { defaultWorkingHours, describeWorkingHours, knownTimeZones, toggleDay, WEEKDAYS } from './working-hours-form';
import './working-hours.css';

interface Props {
  value: WorkingHours | null;
  errors: FieldErrors;
  onChange: (hours: WorkingHours | null) => void;
}

const PATH = 'workingHours';

/**
 * When a person normally works, in their own zone: what "outside working hours" is measured
 * against in the responder figures. Not set is a fair answer; nobody is then guessed to have
 * worked at night.
 */
export function WorkingHoursFields({ value, errors, onChange }: Props) {
  const zone = useTimeZone();
  const zones = useMemo(knownTimeZones, []);
  const message = errors[PATH] ?? Object.entries(errors).find(([k]) => k.startsWith(`${PATH}.`))?.[1];
  const set = (change: Partial<WorkingHours>) => value && onChange({ ...value, ...change });
  return (
    <fieldset className="working-hours" data-testid="working-hours" aria-describedby={message ? undefined : 'working-hours-help'}>
      <legend className="field-label">Working hours</legend>
      <label className="switch-field working-hours-toggle">
        <input type="checkbox" className="switch" data-testid="working-hours-set" checked={value !== null} onChange={(e) => onChange(e.target.checked ? defaultWorkingHours(zone) : null)} />
        <span>{value ? describeWorkingHours(value) : 'Not set'}</span>
      </label>
      {value && (
        <div className="working-hours-fields">
          <label className="field working-hours-zone">
            <span className="field-label">Time zone</span>
            <input
              className="input input-mono"
              data-testid="working-hours-zone"
              list="working-hours-zones"
              spellCheck={false}
              autoComplete="off"
              placeholder="e.g. Europe/Berlin"
              value={value.timeZone}
              onChange={(e) => set({ timeZone: e.target.value })}
              {...invalidProps(PATH, message)}
            />
            <datalist id="working-hours-zones">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
          <label className="field">
            <span className="field-label">From</span>
            <input className="input input-number" data-testid="working-hours-start" placeholder="09:00" value={value.start} onChange={(e) => set({ start: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">To</span>
            <input className="input input-number" data-testid="working-hours-end" placeholder="17:00" value={value.end} onChange={(e) => set({ end: e.target.value })} />
          </label>
          <div className="field working-hours-days">
            <span className="field-label" id="working-hours-days-label">
              Days
            </span>
            <div className="pill-row" role="group" aria-labelledby="working-hours-days-label">
              {WEEKDAYS.map(({ day, short, long }) => (
                <label key={day} className="pill" title={long}>
                  <input type="checkbox" data-testid={`working-day-${day}`} aria-label={long} checked={value.days.includes(day)} onChange={(e) => set({ days: toggleDay(value.days, day, e.target.checked) })} />
                  <span aria-hidden="true">{short}</span>
                </label>
              ))}
            </div>
          </div>
        </div>
      )}
      <FieldError path={PATH} message={message} />
      <p className="field-help" id="working-hours-help">
        24-hour HH:MM in their zone. A “to” before “from” is a night shift that ends the next morning. Used only for the
        responder figures that the team’s leads may turn on; without it, no hours are called “outside”.
      </p>
    </fieldset>
  );
}
