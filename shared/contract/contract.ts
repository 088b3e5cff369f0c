import { z } from 'zod';
import type { IncidentEvent } from '../domain/events';
import type { IncidentState, IncidentSummary } from '../domain/incident';
import type { IntegrityReport } from '../domain/integrity';
import type { Settings } from '../domain/settings';
import { DeclareInput, Empty, IncidentRef, LogEntryInput, SettingsPatch } from './schemas';

/**
 * The one contract between the engine and every window, in Electron and over the WebSocket.
 * Each command: `noun.verb`, a one-line description, a zod input schema (checked at runtime
 * on the engine's side of every boundary) and a result type. Pushed messages are events.
 */

interface CommandSpec<I extends z.ZodType, R> {
  description: string;
  input: I;
  /** Phantom: carries the result type only. */
  result?: R;
}

const command = <R>() => <I extends z.ZodType>(spec: { description: string; input: I }): CommandSpec<I, R> => spec;

export interface IncidentListItem extends IncidentSummary {
  integrity: IntegrityReport;
}

export interface IncidentView extends IncidentState {
  integrity: IntegrityReport;
}

export interface CommandDescription {
  name: string;
  description: string;
  input: unknown;
}

export interface ContractDescription {
  commands: CommandDescription[];
  events: string[];
}

export const commands = {
  'incident.declare': command<IncidentView>()({
    description: 'Declare a new incident; returns it with its id.',
    input: DeclareInput,
  }),
  'incident.list': command<IncidentListItem[]>()({
    description: 'List every incident on this machine, newest first, without timelines.',
    input: Empty,
  }),
  'incident.get': command<IncidentView>()({
    description: "An incident's full state, including every timeline entry and its journal's integrity.",
    input: IncidentRef,
  }),
  'timeline.log': command<IncidentState['timeline'][number]>()({
    description: "Log a scribe's entry on an incident's timeline; returns the entry.",
    input: LogEntryInput,
  }),
  'journal.recover': command<IncidentView>()({
    description:
      'After corruption was reported: keep every readable record, set the damaged file aside, and accept writes again.',
    input: IncidentRef,
  }),
  'settings.get': command<Settings>()({
    description: "This machine's settings.",
    input: Empty,
  }),
  'settings.update': command<Settings>()({
    description: 'Change settings; returns them as saved.',
    input: SettingsPatch,
  }),
  'contract.describe': command<ContractDescription>()({
    description: "Every command's name, description and input as JSON Schema, and every pushed event type.",
    input: Empty,
  }),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandResult<K extends CommandName> = NonNullable<Commands[K]['result']>;

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

export const EVENT_TYPES: IncidentEvent['type'][] = ['incident.declared', 'timeline.logged'];

export function describeContract(): ContractDescription {
  return {
    commands: COMMAND_NAMES.map((name) => ({
      name,
      description: commands[name].description,
      input: z.toJSONSchema(commands[name].input, { io: 'input', unrepresentable: 'any' }),
    })),
    events: [...EVENT_TYPES],
  };
}
