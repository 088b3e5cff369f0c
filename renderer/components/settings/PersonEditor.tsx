import { useEffect, useRef } from 'react';
import { FieldError, invalidProps } from './FieldError';
import type { FormState } from './draft-store';
import { RoleToggles } from './RoleToggles';
import { WorkingHoursFields } from './WorkingHoursFields';
import { closePersonEditor, updatePerson, type PersonDraft } from './person-form';

interface Props {
  person: PersonDraft;
  state: FormState;
  onSave: () => void;
}

/** Add or change one person: name, the line to reach them on, the roles they usually take and when they work. */
export function PersonEditor({ person, state, onSave }: Props) {
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const { errors } = state;
  const isNew = person.id === undefined;
  return (
    <form
      className="person-editor"
      data-testid="person-editor"
      aria-label={isNew ? 'Add a person' : `Edit ${person.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <div className="person-editor-fields">
        <label className="field">
          <span className="field-label">Name</span>
          <input
            ref={nameRef}
            className="input"
            data-testid="person-name"
            value={person.name}
            placeholder="e.g. Priya Raman"
            onChange={(e) => updatePerson({ name: e.target.value }, 'name')}
            {...invalidProps('name', errors.name)}
          />
          <FieldError path="name" message={errors.name} />
        </label>
        <label className="field">
          <span className="field-label">Contact</span>
          <input
            className="input"
            data-testid="person-contact"
            value={person.contact}
            placeholder="Phone, pager or @handle"
            onChange={(e) => updatePerson({ contact: e.target.value }, 'contact')}
            {...invalidProps('contact', errors.contact)}
          />
          <FieldError path="contact" message={errors.contact} />
        </label>
      </div>
      <RoleToggles value={person.usualRoles} onChange={(usualRoles) => updatePerson({ usualRoles }, 'usualRoles')} />
      <FieldError path="usualRoles" message={errors.usualRoles} />
      <WorkingHoursFields value={person.workingHours} errors={errors} onChange={(workingHours) => updatePerson({ workingHours }, 'workingHours')} />
      {errors[''] && (
        <p className="form-error" role="alert" data-testid="form-error">
          {errors['']}
        </p>
      )}
      <div className="person-editor-actions">
        <button type="button" className="btn btn-quiet" onClick={closePersonEditor}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" data-testid="person-save" disabled={state.status === 'saving'}>
          {state.status === 'saving' ? 'Saving…' : isNew ? 'Add to roster' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
