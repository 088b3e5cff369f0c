import { describe, expect, expectTypeOf, it } from 'vitest';
import { COMMAND_NAME_LIST, isListedCommandName, type ListedCommandName } from './command-names';
import { type CommandName, commands, isCommandName } from './contract';

describe('the list of command names the preload bundles', () => {
  it('is exactly the names of the contract, in its order', () => {
    expect([...COMMAND_NAME_LIST]).toEqual(Object.keys(commands));
    expectTypeOf<ListedCommandName>().toEqualTypeOf<CommandName>();
  });

  it('accepts what the contract accepts and nothing else', () => {
    const candidates: unknown[] = [...Object.keys(commands), 'incident.nope', '', '__proto__', 'constructor', 'toString', 42, null, undefined, {}];
    for (const candidate of candidates) expect(isListedCommandName(candidate)).toBe(isCommandName(candidate));
  });
});
