import type { RoleKey } from '../../../shared/domain/incident';
import type { RosterPerson } from '../../../shared/domain/settings';
import { removeRosterPerson, saveRosterPerson } from '../../store/settings-store';
import { dropDraft, readDraft, setDraft, setFormState } from './draft-store';
import { fieldErrors } from './field-errors';

/** The person being added (no id) or changed. While there is one, the editor is open. */
export interface PersonDraft {
  id?: string;
  name: string;
  contact: string;
  usualRoles: RoleKey[];
}

export const editNewPerson = () => setDraft<PersonDraft>('person', { name: '', contact: '', usualRoles: [] });

export const editPerson = (p: RosterPerson) =>
  setDraft<PersonDraft>('person', { id: p.id, name: p.name, contact: p.contact, usualRoles: [...p.usualRoles] });

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
  const result = await saveRosterPerson(person);
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
