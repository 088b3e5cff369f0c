// A dialog's unsent form survives a reload, like the scribe's line (see drafts.ts): one per
// incident and form, in this machine's storage, until it is submitted or discarded.

const key = (incidentId: string, form: string) => `commandPost.form.${incidentId}.${form}`;

export function loadForm<T>(incidentId: string, form: string, isValid: (value: unknown) => value is T): T | null {
  try {
    const raw = localStorage.getItem(key(incidentId, form));
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    // Storage is outside input too: an older or damaged form is ignored, never trusted.
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveForm(incidentId: string, form: string, value: unknown): void {
  try {
    localStorage.setItem(key(incidentId, form), JSON.stringify(value));
  } catch {
    // Storage full or disabled: the form is still on screen.
  }
}

export function dropForm(incidentId: string, form: string): void {
  try {
    localStorage.removeItem(key(incidentId, form));
  } catch {
    // Nothing to drop.
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when every named key holds a string. */
export function hasStrings(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((k) => typeof value[k] === 'string');
}
