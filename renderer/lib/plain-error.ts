import type { CommandError } from '../../shared/contract/result';

// A refused input reads `timeline.log: text: Entry is longer than 10000 characters`: the command
// and the field path help a developer, not the person at the keyboard at 3 AM.
const COMMAND = /^[a-z]+\.[a-zA-Z]+: /;
const PATH = /^[\w.[\]]+: /;

/** The engine's refusal in the words a person reads: schema paths left out. */
export function plainMessage(error: CommandError): string {
  if (error.code !== 'INVALID_INPUT' && error.code !== 'TOO_LARGE') return error.message;
  return error.message
    .replace(COMMAND, '')
    .split('; ')
    .map((issue) => issue.replace(PATH, '').replace(/\.?$/, '.'))
    .join(' ');
}
