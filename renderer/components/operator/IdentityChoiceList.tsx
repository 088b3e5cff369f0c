import { useEffect, useRef } from 'react';
import { samePerson } from '../../../shared/domain/operator';
import type { IdentityChoice } from './identity-choices';

interface Props {
  choices: IdentityChoice[];
  active: number;
  /** Who is signed in now, marked in the list. */
  current: string | null;
  onHover: (index: number) => void;
  onChoose: (choice: IdentityChoice) => void;
}

/** The roster as a listbox driven from the name field (arrow keys there, not Tab stops here). */
export function IdentityChoiceList({ choices, active, current, onHover, onChoose }: Props) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  if (choices.length === 0) return null;
  return (
    <div className="roster-list identity-choices" id="identity-choices" role="listbox" aria-label="Roster" ref={list}>
      {choices.map((choice, i) => {
        const here = choice.kind === 'roster' && current !== null && samePerson(choice.person.name, current);
        return (
          <div
            key={choice.kind === 'roster' ? choice.person.id : 'new'}
            id={`identity-choice-${i}`}
            role="option"
            aria-selected={i === active}
            data-index={i}
            data-testid="identity-option"
            className={`roster-person identity-choice${i === active ? ' is-picked' : ''}${choice.kind === 'new' ? ' is-new' : ''}`}
            onMouseMove={() => onHover(i)}
            onClick={() => onChoose(choice)}
          >
            {choice.kind === 'roster' ? (
              <>
                <span className="roster-name">{choice.person.name}</span>
                <span className="roster-roles">{here ? 'signed in' : ''}</span>
                <span className="roster-contact">{choice.person.contact || 'no contact line'}</span>
              </>
            ) : (
              <>
                <span className="roster-name">New: {choice.name}</span>
                <span className="roster-contact">not on the roster yet</span>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
