import { CommandFailure } from '../../../shared/contract/result';

// A cursor names a position in one generation of one filtered order. It is opaque to windows
// (base64url of three fields) and checked field by field here: a cursor is outside input.

export interface PageCursor {
  generation: number;
  position: number;
  filter: string;
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.generation, cursor.position, cursor.filter]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): PageCursor {
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(fields) || fields.length !== 3) throw badCursor();
  const [generation, position, filter] = fields as unknown[];
  if (!Number.isSafeInteger(generation) || !Number.isSafeInteger(position) || (position as number) < 0 || typeof filter !== 'string') throw badCursor();
  return { generation: generation as number, position: position as number, filter };
}

function badCursor(): CommandFailure {
  return new CommandFailure('INVALID_INPUT', 'timeline.page: cursor: not a cursor this engine gave; ask again from a position.');
}
