import type { CommandError } from '../../../shared/contract/result';

/** Messages keyed by the input's path as the engine names it (`cadence.SEV1.internalMinutes`); `''` for the form. */
export type FieldErrors = Record<string, string>;

const PATH = /^[A-Za-z0-9_.]+$/;

/**
 * The engine answers `settings.update: shiftLimitHours: Shift limit is under half an hour; …`.
 * Each issue goes beside its field; whatever names no field is shown for the whole form.
 */
export function fieldErrors(error: CommandError): FieldErrors {
  const errors: FieldErrors = {};
  const general: string[] = [];
  const body = error.message.replace(/^[a-z]+\.[A-Za-z]+: /, '');
  for (const issue of body.split('; ')) {
    const at = issue.indexOf(': ');
    const path = at > 0 ? issue.slice(0, at) : '';
    if (path && PATH.test(path) && !/\s/.test(path)) {
      errors[path] ??= issue.slice(at + 2);
    } else {
      general.push(issue);
    }
  }
  if (general.length > 0) errors[''] = general.join(' ');
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
