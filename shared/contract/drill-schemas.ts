import { z } from 'zod';
import { DRILL_SPEEDS } from '../drills/types';
import { IncidentId } from './schemas';

const speed = z.union(DRILL_SPEEDS.map((s) => z.literal(s)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<5>], { message: 'A drill runs at 1×, 2× or 5×' });

/** Start a drill from a built-in scenario or a scenario file's text (checked by the engine, which names the field and the line). */
export const StartDrillInput = z.strictObject({
  scenario: z.union([
    z.strictObject({ builtin: z.string().max(60) }),
    z.strictObject({ fileName: z.string().max(255), text: z.string().max(262_144, 'The scenario file is larger than 256 KiB') }),
  ]),
  speed: speed.optional().default(1),
  /** Who is practising ("Payments on-call"); scores are charted per team. */
  team: z.string().trim().min(1, 'Name the team').max(100, 'The team name is longer than 100 characters').refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'The team name must be one line').optional(),
  /** With team sync on, a drill is shared like any incident unless kept here. */
  share: z.boolean().optional(),
});

export const DrillControlInput = z.strictObject({
  incidentId: IncidentId,
  action: z.enum(['pause', 'resume', 'speed', 'end']),
  speed: speed.optional(),
});

/** A scenario file's text, to check before starting a drill from it. */
export const CheckScenarioInput = z.strictObject({ fileName: z.string().max(255), text: z.string().max(262_144, 'The scenario file is larger than 256 KiB') });

export const DrillInjectInput = z.strictObject({ incidentId: IncidentId, injectId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'is not an inject id') });

export const ChecklistTickInput = z.strictObject({
  incidentId: IncidentId,
  item: z.string().trim().min(1, 'The item is empty').max(300, 'The item is longer than 300 characters'),
  done: z.boolean(),
});
