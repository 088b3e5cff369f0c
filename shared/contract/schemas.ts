import { z } from 'zod';
import { DETECTION_SOURCES, ENTRY_KINDS, SEVERITIES } from '../domain/incident';
import { LIMITS } from './limits';

// Inputs are strict objects: an unexpected key (`__proto__` included) is refused, not ignored.

/** Also a folder name on disk, so only safe characters. */
export const IncidentId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be an incident id such as INC-20261122-ab12');

const text = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} is longer than ${max} characters`)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `${label} is empty`));

const optionalText = (label: string, max: number) =>
  z.string().max(max, `${label} is longer than ${max} characters`).transform((s) => s.trim());

/** A wall-clock time in epoch milliseconds, between 2000 and 2200. */
export const Timestamp = z.number().int().min(946_684_800_000).max(7_258_118_400_000);

export const Severity = z.enum(SEVERITIES);
export const DetectionSource = z.enum(DETECTION_SOURCES);
export const ScribeKind = z.enum(ENTRY_KINDS).exclude(['system']);

export const Empty = z.strictObject({});

export const DeclareInput = z.strictObject({
  title: text('Title', LIMITS.title),
  severity: Severity,
  detectionSource: DetectionSource.optional().default('alert'),
  summary: optionalText('Summary', LIMITS.summary).optional().default(''),
  impactStartedAt: Timestamp.optional(),
  detectedAt: Timestamp.optional(),
});

export const IncidentRef = z.strictObject({ incidentId: IncidentId });

export const LogEntryInput = z.strictObject({
  incidentId: IncidentId,
  text: text('Entry', LIMITS.entryText),
  kind: ScribeKind.optional().default('note'),
  occurredAt: Timestamp.optional(),
});

export const SettingsPatch = z.strictObject({
  operatorName: text('Operator name', LIMITS.name).optional(),
});

export type DeclareInput = z.input<typeof DeclareInput>;
export type LogEntryInput = z.input<typeof LogEntryInput>;
export type SettingsPatch = z.input<typeof SettingsPatch>;
