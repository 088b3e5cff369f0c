import { describe, expect, it } from 'vitest';
import { identityChoices } from '../../../renderer/components/operator/identity-choices';
import type { RosterPerson } from '../../../shared/domain/settings';

const person = (name: string): RosterPerson => ({ id: name.replace(/\W/g, '-'), name, contact: `@${name.split(' ')[0]!.toLowerCase()}`, usualRoles: [] });
const ROSTER = [person('Marcus Lee'), person('Dana Whitfield'), person('Adam Danes'), person('Sam Okafor')];
const names = (typed: string) => identityChoices(ROSTER, typed).map((c) => (c.kind === 'roster' ? c.person.name : `new:${c.name}`));

describe('the identity dialog list', () => {
  it('shows the whole roster by name before anything is typed', () => {
    expect(names('')).toEqual(['Adam Danes', 'Dana Whitfield', 'Marcus Lee', 'Sam Okafor']);
  });

  it('puts names whose words start with the typed letters first, then the typed name as someone new', () => {
    expect(names('da')).toEqual(['Adam Danes', 'Dana Whitfield', 'new:da']);
    expect(names('whit')).toEqual(['Dana Whitfield', 'new:whit']);
    expect(names('kim novak')).toEqual(['new:kim novak']);
  });

  it('offers no "new" line for a name already on the roster, however it is typed', () => {
    expect(names(' dana whitfield ')).toEqual(['Dana Whitfield']);
  });
});
