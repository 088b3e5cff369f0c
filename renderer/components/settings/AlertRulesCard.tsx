import type { ReactNode } from 'react';
import { SEVERITIES, type Severity } from '../../../shared/domain/incident';
import type { Settings } from '../../../shared/domain/settings';
import { SEVERITY_MEANING } from '../SeverityChip';
import { FieldError, invalidProps } from './FieldError';
import { alertRulesSpec, emptyRoute, emptyRule, MATCH_EXAMPLE, MAX_ROWS, moveRow, rowError, type AlertRulesDraft } from './alert-rules-form';
import type { FieldErrors } from './field-errors';
import { SubForm } from './SubForm';
import { useSettingsForm, type SettingsForm } from './use-settings-form';

interface RowProps {
  /** `alertSeverityRules.2`: the engine's path to this row. */
  path: string;
  /** "Rule 3", "Route 1": how the row's controls are named to a screen reader. */
  name: string;
  index: number;
  count: number;
  match: string;
  errors: FieldErrors;
  onMatch: (text: string) => void;
  onMove?: (step: -1 | 1) => void;
  onRemove: () => void;
  children?: ReactNode;
}

function MatcherRow({ path, name, index, count, match, errors, onMatch, onMove, onRemove, children }: RowProps) {
  const matchPath = `${path}.match`;
  const error = rowError(errors, path);
  return (
    <li className="matcher-row" data-testid="matcher-row">
      <span className="tier-number" aria-hidden="true">
        {index + 1}
      </span>
      <div className="matcher-fields">
        <label className="matcher-field">
          <span className="sr-only">{name}: labels to match</span>
          <input
            className="input input-mono"
            placeholder={`label=value, e.g. ${MATCH_EXAMPLE}`}
            spellCheck={false}
            autoComplete="off"
            data-testid="matcher-match"
            value={match}
            onChange={(e) => onMatch(e.target.value)}
            {...invalidProps(matchPath, error)}
          />
          <FieldError path={matchPath} message={error} />
        </label>
        {children}
      </div>
      <div className="tier-actions">
        {onMove && (
          <>
            <button type="button" className="icon-btn" aria-label={`Move ${name.toLowerCase()} up`} title="Move up" data-move="up" disabled={index === 0} onClick={() => onMove(-1)}>
              ↑
            </button>
            <button type="button" className="icon-btn" aria-label={`Move ${name.toLowerCase()} down`} title="Move down" data-move="down" disabled={index === count - 1} onClick={() => onMove(1)}>
              ↓
            </button>
          </>
        )}
        <button type="button" className="icon-btn icon-btn-danger" aria-label={`Remove ${name.toLowerCase()}`} title="Remove" data-testid="matcher-remove" onClick={onRemove}>
          ✕
        </button>
      </div>
    </li>
  );
}

function SeverityRules({ form }: { form: SettingsForm<AlertRulesDraft> }) {
  const { rules } = form.value;
  const { errors } = form.state;
  const reshape = (change: (d: AlertRulesDraft) => AlertRulesDraft) => form.update(change, 'alertSeverityRules');
  return (
    <div className="matcher-block" role="group" aria-labelledby="severity-rules-title" data-testid="severity-rules">
      <h4 className="card-title" id="severity-rules-title">
        Severity rules
      </h4>
      <p className="field-help">
        A new alert’s severity comes from its labels. <strong>First match wins</strong>, top to bottom; an alert that matches
        no rule is SEV4 (PagerDuty’s own severity where it gives one). An alert matches a rule when it has every label=value
        listed.
      </p>
      {rules.length === 0 ? (
        <p className="field-help matcher-empty">No rules: every alert is SEV4.</p>
      ) : (
        <ol className="matcher-list">
          {rules.map((rule, i) => {
            const path = `alertSeverityRules.${i}`;
            return (
              <MatcherRow
                key={rule.key}
                path={path}
                name={`Rule ${i + 1}`}
                index={i}
                count={rules.length}
                match={rule.match}
                errors={errors}
                onMatch={(match) => form.update((d) => ({ ...d, rules: d.rules.map((r, j) => (j === i ? { ...r, match } : r)) }), path)}
                onMove={(step) => reshape((d) => ({ ...d, rules: moveRow(d.rules, i, step) }))}
                onRemove={() => reshape((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== i) }))}
              >
                <label className="matcher-severity">
                  <span className="unit">→</span>
                  <select
                    className="input"
                    aria-label={`Rule ${i + 1}: severity`}
                    data-testid="matcher-severity"
                    value={rule.severity}
                    onChange={(e) => {
                      const severity = e.target.value as Severity;
                      form.update((d) => ({ ...d, rules: d.rules.map((r, j) => (j === i ? { ...r, severity } : r)) }), path);
                    }}
                  >
                    {SEVERITIES.map((sev) => (
                      <option key={sev} value={sev}>
                        {sev} — {SEVERITY_MEANING[sev]}
                      </option>
                    ))}
                  </select>
                </label>
              </MatcherRow>
            );
          })}
        </ol>
      )}
      <FieldError path="alertSeverityRules" message={errors.alertSeverityRules} />
      <button type="button" className="btn btn-small matcher-add" data-testid="severity-rule-add" disabled={rules.length >= MAX_ROWS} onClick={() => reshape((d) => ({ ...d, rules: [...d.rules, emptyRule()] }))}>
        Add a rule
      </button>
    </div>
  );
}

function Routes({ form }: { form: SettingsForm<AlertRulesDraft> }) {
  const { routes } = form.value;
  const { errors } = form.state;
  const reshape = (change: (d: AlertRulesDraft) => AlertRulesDraft) => form.update(change, 'alertRoutes');
  return (
    <div className="matcher-block" role="group" aria-labelledby="routes-title" data-testid="alert-routes">
      <h4 className="card-title" id="routes-title">
        Routes
      </h4>
      <p className="field-help">
        A new alert group that matches a route joins the open declared incident that already has an alert matching the same
        route, instead of making another detection. E.g. <code>service=checkout</code>: every checkout alert goes to the
        checkout incident while it is open.
      </p>
      {routes.length === 0 ? (
        <p className="field-help matcher-empty">No routes: every new alert group is a detection of its own.</p>
      ) : (
        <ol className="matcher-list">
          {routes.map((route, i) => {
            const path = `alertRoutes.${i}`;
            return (
              <MatcherRow
                key={route.key}
                path={path}
                name={`Route ${i + 1}`}
                index={i}
                count={routes.length}
                match={route.match}
                errors={errors}
                onMatch={(match) => form.update((d) => ({ ...d, routes: d.routes.map((r, j) => (j === i ? { ...r, match } : r)) }), path)}
                onRemove={() => reshape((d) => ({ ...d, routes: d.routes.filter((_, j) => j !== i) }))}
              />
            );
          })}
        </ol>
      )}
      <FieldError path="alertRoutes" message={errors.alertRoutes} />
      <button type="button" className="btn btn-small matcher-add" data-testid="alert-route-add" disabled={routes.length >= MAX_ROWS} onClick={() => reshape((d) => ({ ...d, routes: [...d.routes, emptyRoute()] }))}>
        Add a route
      </button>
    </div>
  );
}

/** Severity rules and routes: kept in settings, saved together through `settings.update`. */
export function AlertRulesCard({ settings }: { settings: Settings }) {
  const form = useSettingsForm(alertRulesSpec, settings);
  return (
    <SubForm titleId="alert-rules-title" testId="alert-rules-form" form={form}>
      <h3 className="card-heading" id="alert-rules-title">
        Severity and routes
      </h3>
      <SeverityRules form={form} />
      <Routes form={form} />
    </SubForm>
  );
}
