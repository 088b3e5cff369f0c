import type { Settings } from '../../../shared/domain/settings';
import { FieldError, invalidProps } from './FieldError';
import { SectionFrame } from './SectionFrame';
import { emptyService, MAX_SERVICES, serviceRowErrors, servicesSpec, type ServiceRow, type ServicesDraft } from './services-form';
import { useSettingsForm, type SettingsForm } from './use-settings-form';
import './services.css';

type RowField = 'name' | 'objectivePercent' | 'windowDays';

function ServiceRowFields({ form, row, index }: { form: SettingsForm<ServicesDraft>; row: ServiceRow; index: number }) {
  const errors = serviceRowErrors(form.state.errors, index);
  const path = (field: RowField) => `services.${index}.${field}`;
  const edit = (field: RowField, value: string) =>
    form.update((d) => ({ ...d, rows: d.rows.map((r, j) => (j === index ? { ...r, [field]: value } : r)) }), path(field));
  const label = row.name.trim() || `Service ${index + 1}`;
  return (
    <li className="service-row" data-testid="service-row">
      <label className="service-field">
        <span className="sr-only">{label}: name</span>
        <input
          className="input input-mono"
          data-testid="service-name"
          placeholder="e.g. checkout"
          spellCheck={false}
          autoComplete="off"
          value={row.name}
          onChange={(e) => edit('name', e.target.value)}
          {...invalidProps(path('name'), errors.name ?? errors.row)}
        />
        <FieldError path={path('name')} message={errors.name ?? errors.row} />
      </label>
      <label className="service-field">
        <span className="sr-only">{label}: objective in percent</span>
        <span className="input-with-unit">
          <input
            className="input input-number"
            data-testid="service-objective"
            inputMode="decimal"
            value={row.objectivePercent}
            onChange={(e) => edit('objectivePercent', e.target.value)}
            {...invalidProps(path('objectivePercent'), errors.objectivePercent)}
          />
          <span className="unit">%</span>
        </span>
        <FieldError path={path('objectivePercent')} message={errors.objectivePercent} />
      </label>
      <label className="service-field">
        <span className="sr-only">{label}: window in days</span>
        <span className="input-with-unit">
          <span className="unit unit-before">over</span>
          <input
            className="input input-number"
            data-testid="service-window"
            inputMode="numeric"
            value={row.windowDays}
            onChange={(e) => edit('windowDays', e.target.value)}
            {...invalidProps(path('windowDays'), errors.windowDays)}
          />
          <span className="unit">days</span>
        </span>
        <FieldError path={path('windowDays')} message={errors.windowDays} />
      </label>
      <button
        type="button"
        className="btn btn-small btn-quiet"
        data-testid="service-remove"
        aria-label={`Remove ${label}`}
        onClick={() => form.update((d) => ({ ...d, rows: d.rows.filter((_, j) => j !== index) }), 'services')}
      >
        Remove
      </button>
    </li>
  );
}

/** The service catalogue: what each service promises, which Metrics → Availability measures against. */
export function ServicesSection({ settings }: { settings: Settings }) {
  const form = useSettingsForm(servicesSpec, settings);
  const { rows } = form.value;
  return (
    <SectionFrame
      id="services"
      title="Services"
      description="Each service with its availability objective, e.g. 99.9 % over 30 days. Metrics → Availability measures incidents against it and shows the error budget left."
      form={form}
    >
      <div className="card services-card">
        <div className="service-head" aria-hidden="true">
          <span>Service</span>
          <span>Objective</span>
          <span>Window</span>
          <span />
        </div>
        {rows.length === 0 ? (
          <p className="field-help services-empty" data-testid="services-empty">
            No services yet: availability is measured only for the services listed here.
          </p>
        ) : (
          <ul className="service-list" aria-label="Services">
            {rows.map((row, i) => (
              <ServiceRowFields key={row.key} form={form} row={row} index={i} />
            ))}
          </ul>
        )}
        <FieldError path="services" message={form.state.errors.services} />
        {form.state.errors[''] && (
          <p className="form-error" role="alert">
            {form.state.errors['']}
          </p>
        )}
        <button
          type="button"
          className="btn btn-small services-add"
          data-testid="service-add"
          disabled={rows.length >= MAX_SERVICES}
          onClick={() => form.update((d) => ({ ...d, rows: [...d.rows, emptyService()] }), 'services')}
        >
          Add a service
        </button>
      </div>
      <div className="card card-narrow">
        <h3 className="card-title">How incidents name their services</h3>
        <p className="field-help" data-testid="services-hint">
          An incident counts against a service when one of its <em>tags</em> is the service’s name, or when one of its alerts
          carries a <code>service</code> label with that name (e.g. <code>service=checkout</code>). Names match whatever their
          case. Impact runs from when it started (else detection, else declaration) to mitigation; overlapping incidents count
          once; an incident missing those times is listed as unmeasured, never counted as no impact.
        </p>
      </div>
    </SectionFrame>
  );
}
