import { LIMITS } from '../../../shared/contract/limits';
import type { RoleKey } from '../../../shared/domain/incident';
import { ROLE_LABELS } from '../../../shared/domain/incident';
import { rosterFor } from '../../lib/people';
import { useWarRoomSettings } from '../../store/settings-snapshot';
import { Field } from './Field';

export interface PersonValue {
  name: string;
  contact: string;
}

interface Props {
  value: PersonValue;
  onChange: (value: PersonValue) => void;
  /** Whose usual roles put them first in the list. */
  role: RoleKey | null;
  /** Names not to offer (who holds the role already). */
  exclude?: string[];
  autoFocus?: boolean;
  nameLabel?: string;
}

const SHORT_ROLE: Record<RoleKey, string> = {
  'incident-commander': 'IC',
  'technical-lead': 'TL',
  'communications-lead': 'Comms',
  scribe: 'Scribe',
  'customer-liaison': 'Customer',
  'executive-liaison': 'Exec',
};

/**
 * Pick someone from the on-call roster (people who usually take the role first) or type a
 * name and contact line. Typing in the name narrows the roster.
 */
export function PersonPicker({ value, onChange, role, exclude = [], autoFocus, nameLabel = 'Name' }: Props) {
  const roster = useWarRoomSettings().roster;
  const excluded = new Set(exclude.map((n) => n.trim().toLowerCase()));
  // Typing narrows the list; once someone is picked, the whole list stays to change one's mind.
  const picked = roster.some((p) => p.name === value.name);
  const query = picked ? '' : value.name.trim().toLowerCase();
  const people = rosterFor(roster, role)
    .filter((p) => !excluded.has(p.name.trim().toLowerCase()))
    .filter((p) => query === '' || p.name.toLowerCase().includes(query));
  return (
    <div className="person-picker">
      {roster.length > 0 && (
        <div className="field">
          <span className="field-label">From the roster{role ? ` — usual ${ROLE_LABELS[role].toLowerCase()}s first` : ''}</span>
          <div className="roster-list" role="listbox" aria-label="Roster" data-testid="roster-list">
            {people.length === 0 && <span className="roster-empty">Nobody on the roster matches; type the name and contact.</span>}
            {people.map((person) => {
              const picked = person.name === value.name && person.contact === value.contact;
              const usual = role !== null && person.usualRoles.includes(role);
              return (
                <button
                  key={person.id}
                  type="button"
                  role="option"
                  aria-selected={picked}
                  className={`roster-person${picked ? ' is-picked' : ''}${usual ? ' is-usual' : ''}`}
                  data-testid="roster-person"
                  onClick={() => onChange({ name: person.name, contact: person.contact })}
                >
                  <span className="roster-name">{person.name}</span>
                  <span className="roster-contact">{person.contact}</span>
                  <span className="roster-roles">{person.usualRoles.map((r) => SHORT_ROLE[r]).join(' · ')}</span>
                </button>
              );
            })}
          </div>
        </div>
      )}
      <div className="field-row">
        <Field label={nameLabel} max={LIMITS.name} value={value.name}>
          <input
            className="input"
            data-testid="person-name"
            autoFocus={autoFocus}
            value={value.name}
            placeholder="Full name"
            onChange={(e) => onChange({ ...value, name: e.target.value })}
          />
        </Field>
        <Field label="Contact" max={LIMITS.name} value={value.contact}>
          <input
            className="input"
            data-testid="person-contact"
            value={value.contact}
            placeholder="Phone, Slack handle or pager"
            onChange={(e) => onChange({ ...value, contact: e.target.value })}
          />
        </Field>
      </div>
    </div>
  );
}
