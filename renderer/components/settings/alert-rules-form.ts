import { SEVERITIES, type Severity } from '../../../shared/domain/incident';
import type { FieldErrors } from './field-errors';
import type { FormSpec } from './use-settings-form';

// Severity rules and routes: each matcher is typed as `label=value, label=value`, the way people
// read Alertmanager labels, and turned into the `{ match: { label: value } }` the engine keeps.

export interface RuleRow {
  /** Keeps a row's input (and its focus) while rows move; not saved. */
  key: string;
  match: string;
  severity: Severity;
}

export interface RouteRow {
  key: string;
  match: string;
}

export interface AlertRulesDraft {
  rules: RuleRow[];
  routes: RouteRow[];
}

/** The engine's limits (shared/contract/schemas.ts `SettingsPatch`). */
export const MAX_ROWS = 50;
const MAX_LABELS = 10;
const MAX_VALUE = 200;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]{0,99}$/;

export const MATCH_EXAMPLE = 'team=payments';

type Match = Record<string, string>;

export function formatMatch(match: Match): string {
  return Object.entries(match)
    .map(([label, value]) => `${label}=${value}`)
    .join(', ');
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** `team=payments, env="prod"` → `{ team: 'payments', env: 'prod' }`, or why not, in words. */
export function parseMatch(text: string): { ok: true; match: Match } | { ok: false; message: string } {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, message: `Type at least one label=value, e.g. ${MATCH_EXAMPLE}.` };
  if (parts.length > MAX_LABELS) return { ok: false, message: `At most ${MAX_LABELS} labels to match.` };
  const match: Match = {};
  for (const part of parts) {
    const at = part.indexOf('=');
    if (at < 0) return { ok: false, message: `“${part}” has no =: write label=value, e.g. ${MATCH_EXAMPLE}.` };
    const label = part.slice(0, at).trim();
    const value = unquote(part.slice(at + 1).trim());
    if (!LABEL_NAME.test(label)) return { ok: false, message: `“${label}” is not a label name: letters, digits and _, not starting with a digit.` };
    if (value === '') return { ok: false, message: `Give ${label} a value: ${label}=something.` };
    if (value.length > MAX_VALUE) return { ok: false, message: `The value of ${label} is longer than ${MAX_VALUE} characters.` };
    if (Object.hasOwn(match, label)) return { ok: false, message: `${label} is named twice; an alert has one value per label.` };
    match[label] = value;
  }
  return { ok: true, match };
}

let made = 0;
/** A key for a row added now, unlike any drawn from the settings. */
export function newRowKey(): string {
  made += 1;
  return `new-${made}`;
}

export const emptyRule = (): RuleRow => ({ key: newRowKey(), match: '', severity: 'SEV3' });
export const emptyRoute = (): RouteRow => ({ key: newRowKey(), match: '' });

/** Moves row `at` one place up (-1) or down (+1); the list as it was when there is no room. */
export function moveRow<T>(rows: readonly T[], at: number, step: -1 | 1): T[] {
  const to = at + step;
  if (at < 0 || at >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}

/** The first message about row `path` (`alertSeverityRules.2`) or anything inside it. */
export function rowError(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const inside = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return inside === undefined ? undefined : errors[inside];
}

function sameText(a: string, b: string): boolean {
  const x = parseMatch(a);
  const y = parseMatch(b);
  return x.ok && y.ok ? JSON.stringify(x.match) === JSON.stringify(y.match) : a.trim() === b.trim();
}

export const alertRulesSpec: FormSpec<AlertRulesDraft> = {
  id: 'alertRules',
  fromSettings: (s) => ({
    rules: s.alertSeverityRules.map((r, i) => ({ key: `rule-${i}`, match: formatMatch(r.match), severity: r.severity })),
    routes: s.alertRoutes.map((r, i) => ({ key: `route-${i}`, match: formatMatch(r.match) })),
  }),
  toPatch: (d) => {
    const errors: FieldErrors = {};
    const alertSeverityRules: Array<{ match: Match; severity: Severity }> = [];
    d.rules.forEach((row, i) => {
      const parsed = parseMatch(row.match);
      if (!parsed.ok) errors[`alertSeverityRules.${i}.match`] = parsed.message;
      else if (!SEVERITIES.includes(row.severity)) errors[`alertSeverityRules.${i}.severity`] = 'Pick SEV1 to SEV4.';
      else alertSeverityRules.push({ match: parsed.match, severity: row.severity });
    });
    const alertRoutes: Array<{ match: Match }> = [];
    d.routes.forEach((row, i) => {
      const parsed = parseMatch(row.match);
      if (parsed.ok) alertRoutes.push({ match: parsed.match });
      else errors[`alertRoutes.${i}.match`] = parsed.message;
    });
    if (d.rules.length > MAX_ROWS) errors.alertSeverityRules = `At most ${MAX_ROWS} severity rules.`;
    if (d.routes.length > MAX_ROWS) errors.alertRoutes = `At most ${MAX_ROWS} routes.`;
    return Object.keys(errors).length > 0 ? { errors } : { patch: { alertSeverityRules, alertRoutes } };
  },
  same: (a, b) =>
    a.rules.length === b.rules.length &&
    a.routes.length === b.routes.length &&
    a.rules.every((r, i) => r.severity === b.rules[i]!.severity && sameText(r.match, b.rules[i]!.match)) &&
    a.routes.every((r, i) => sameText(r.match, b.routes[i]!.match)),
};
