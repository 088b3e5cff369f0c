import { z } from 'zod';
import { ROLE_KEYS, SEVERITIES, STATUSES } from '../domain/incident';
import { hasControlCharacter } from '../domain/control-chars';
import { INJECT_KINDS } from './types';
import type { Scenario } from './types';

/**
 * A scenario as a file or another console gives it: strict (an unknown key is refused), bounded,
 * and checked for the rules a script needs (unique inject ids, an alert inject has its alert).
 */
const line = (max: number) => z.string().min(1, 'is empty').max(max).refine((s) => !hasControlCharacter(s), 'holds a line break or control character');
const text = z.string().min(1, 'is empty').max(5_000);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const labelMap = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, 'is not a label name').refine((k) => !FORBIDDEN.has(k), 'is not a label name'), z.string().max(2_000))
  .refine((m) => Object.keys(m).length <= 50, 'has more than 50 entries');

const condition = z.union([
  z.strictObject({ notReached: z.enum(STATUSES).exclude(['detected']) }),
  z.strictObject({ roleEmpty: z.enum(ROLE_KEYS) }),
  z.strictObject({ noUpdateSent: z.enum(['internal', 'external']) }),
], { error: 'must be one of {"notReached": "mitigated"}, {"roleEmpty": "communications-lead"} or {"noUpdateSent": "external"}' });

const inject = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes (at most 40)'),
    kind: z.enum(INJECT_KINDS),
    atMinute: z.number().min(0, 'is before the start').max(24 * 60, 'is more than a day in'),
    text,
    from: line(200).optional(),
    alert: z
      .strictObject({
        status: z.enum(['firing', 'resolved']),
        labels: labelMap.refine((m) => typeof m.alertname === 'string' && m.alertname.length > 0, 'needs an alertname label'),
        annotations: labelMap,
        startedMinutesBefore: z.number().min(0).max(24 * 60).optional(),
      })
      .optional(),
    when: condition.optional(),
    facilitatorNote: z.string().max(2_000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'alert' && !value.alert) ctx.addIssue({ code: 'custom', path: ['alert'], message: 'is required for an alert inject' });
    if (value.kind !== 'alert' && value.alert) ctx.addIssue({ code: 'custom', path: ['alert'], message: `is only for alert injects, not ${value.kind}` });
  });

export const ScenarioSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be lower-case letters, digits and dashes (at most 60)'),
    name: line(200),
    summary: text,
    services: z.array(line(100)).min(1, 'names no service').max(20),
    expectedSeverity: z.enum(SEVERITIES),
    injects: z.array(inject).min(1, 'has no inject').max(200, 'has more than 200 injects'),
    durationMinutes: z.number().min(5, 'is shorter than 5 minutes').max(24 * 60),
  })
  .superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.injects.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['injects', index, 'id'], message: `"${item.id}" is already the id of inject ${first + 1}` });
      else seen.set(item.id, index);
      if (item.atMinute > value.durationMinutes) ctx.addIssue({ code: 'custom', path: ['injects', index, 'atMinute'], message: `is after the drill's end (${value.durationMinutes} min)` });
    });
  });

/** Compile-time check that the schema's output is the shared `Scenario`. */
export const _scenarioShape: (s: z.infer<typeof ScenarioSchema>) => Scenario = (s) => s;
