import { z } from 'zod';
import { isBase64 } from './base64';
import { LIMITS } from './limits';
import { IncidentId, NewEntryPrefixes, ScribeKind } from './schemas';

/** A file pasted or dropped into the scribe box, or attached to an entry (checked by its bytes in the engine). */
export const AttachArtefactInput = z.strictObject({
  incidentId: IncidentId,
  entryId: z.string().regex(/^[A-Za-z0-9:_-]{1,80}$/, 'is not an entry id').nullable().optional(),
  name: z.string().trim().min(1, 'The file has no name').max(255, 'The file name is longer than 255 characters').refine((s) => !/[\u0000-\u001f\u007f/\\]/.test(s), 'The file name must be a plain name'),
  base64: z.string().max(LIMITS.importBase64, 'The file is larger than the console accepts').refine(isBase64, 'is not base64'),
  text: z.string().max(LIMITS.entryText).optional(),
  kind: ScribeKind.optional(),
  /** For the new entry only, checked as `timeline.log` checks them. */
  ...NewEntryPrefixes,
}).refine(
  (input) => !input.entryId || (input.occurredAt === undefined && !input.attribution && input.workstreamId === null),
  'The @name, the time and the workstream are for a new entry: an entry already logged keeps its own, so leave them out when attaching to it.',
);

export const ArtefactRef = z.strictObject({ incidentId: IncidentId, artefactId: z.string().regex(/^[A-Za-z0-9:_-]{1,80}$/, 'is not an artefact id') });
