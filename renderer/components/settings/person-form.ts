import type { RoleKey } from '../../../shared/domain/incident';
import type { RosterPerson } from '../../../shared/domain/settings';
import type { WorkingHours } from '../../../shared/metrics/working-hours';
import { removeRosterPerson, saveRosterPerson } from '../../store/settings-store';
import { dropDraft, readDraft, setDraft, setFormState } from './draft-store';
import { fieldErrors } from './field-errors';

/** The person being added (no id) or changed. While there is one, the editor is open. */
export interface PersonDraft {
  id?: string;
  name: string;
  contact: string;
  usualRoles: RoleKey[];
  /** Null: not set, and then nothing is called outside their hours. */
  workingHours: WorkingHours | null;
}

export const editNewPerson = () => setDraft<PersonDraft>('person', { name: '', contact: '', usualRoles: [], workingHours: null });

export const editPerson = (p: RosterPerson) =>
  setDraft<PersonDraft>('person', {
    id: p.id,
    name: p.name,
    contact: p.contact,
    usualRoles: [...p.usualRoles],
    workingHours: p.workingHours ? { ...p.workingHours, days: [...p.workingHours.days] } : null,
  });

export const closePersonEditor = () => dropDraft('person');

export function updatePerson(change: Partial<PersonDraft>, path: string): void {
  const current = readDraft<PersonDraft>('person');
  if (current) setDraft<PersonDraft>('person', { ...current, ...change }, path);
}

/** Saves the open editor; on refusal the editor stays open with the engine's words beside the field. */
export async function savePerson(): Promise<string | null> {
  const person = readDraft<PersonDraft>('person');
  if (!person) return null;
  setFormState('person', { status: 'saving', errors: {} });
  const { workingHours, ...rest } = person;
  // Saving without working hours clears them: the engine keeps only what is sent.
  const result = await saveRosterPerson(workingHours ? { ...rest, workingHours: { ...workingHours, timeZone: workingHours.timeZone.trim(), start: workingHours.start.trim(), end: workingHours.end.trim() } } : rest);
  if (!result.ok) {
    const errors = fieldErrors(result.error);
    // "Dana is already on the roster" names no field but is about the name.
    if (result.error.code === 'CONFLICT' && errors['']) {
      errors.name = errors[''];
      delete errors[''];
    }
    setFormState('person', { status: 'failed', errors });
    return null;
  }
  if (readDraft('person') === person) dropDraft('person');
  return person.name.trim();
}

export async function removePerson(personId: string): Promise<string | null> {
  const result = await removeRosterPerson(personId);
  return result.ok ? null : result.error.message;
}
