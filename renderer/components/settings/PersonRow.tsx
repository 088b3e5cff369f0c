import { useEffect, useRef, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/domain/incident';
import type { RosterPerson } from '../../../shared/domain/settings';
import { editPerson, removePerson } from './person-form';
import { describeWorkingHours } from './working-hours-form';

interface Props {
  person: RosterPerson;
  /** Another person is being edited: one editor at a time, so nothing typed is dropped. */
  locked: boolean;
  onRemoved: (name: string) => void;
}

/** One person on the roster, with edit and a two-step remove. */
export function PersonRow({ person, locked, onRemoved }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const remove = async () => {
    const failure = await removePerson(person.id);
    if (failure) setError(failure);
    else onRemoved(person.name);
  };

  return (
    <li className="person" data-testid="roster-person" data-person-id={person.id}>
      <div className="person-who">
        <span className="person-name" data-testid="roster-person-name">
          {person.name}
        </span>
        <span className={person.contact ? 'person-contact' : 'person-contact is-empty'}>{person.contact || 'no contact line'}</span>
        <span className={person.workingHours ? 'person-contact' : 'person-contact is-empty'} data-testid="roster-person-hours">
          {describeWorkingHours(person.workingHours)}
        </span>
      </div>
      <ul className="person-roles" aria-label="Usual roles">
        {person.usualRoles.length === 0 ? (
          <li className="role-tag is-empty">any role</li>
        ) : (
          person.usualRoles.map((r) => (
            <li key={r} className="role-tag">
              {ROLE_LABELS[r]}
            </li>
          ))
        )}
      </ul>
      <div className="person-actions">
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
        {confirming ? (
          <>
            <span className="confirm-text">Remove {person.name}?</span>
            <button ref={confirmRef} type="button" className="btn btn-small btn-danger" data-testid="person-remove-confirm" onClick={() => void remove()}>
              Remove
            </button>
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn-small" data-testid="person-edit" disabled={locked} onClick={() => editPerson(person)}>
              Edit
            </button>
            <button
              type="button"
              className="btn btn-small btn-quiet"
              data-testid="person-remove"
              disabled={locked}
              aria-label={`Remove ${person.name}`}
              onClick={() => setConfirming(true)}
            >
              Remove
            </button>
          </>
        )}
      </div>
    </li>
  );
}
