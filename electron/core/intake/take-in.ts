import { randomUUID } from 'node:crypto';
import { CommandFailure } from '../../../shared/contract/result';
import type { NormalNotification, ParseResult } from '../../../shared/intake/alert';
import { parseAlertmanager } from '../../../shared/intake/alertmanager';
import { parseGrafana } from '../../../shared/intake/grafana';
import { parsePagerDuty, withDedupKey } from '../../../shared/intake/pagerduty';
import type { HandlerContext } from '../handlers/context';
import { ingest, type IngestAnswer } from './ingest';

/** The webhooks the intake answers; the pull feeds `ingest` directly. */
export const INTAKE_SOURCES = ['alertmanager', 'grafana', 'pagerduty'] as const;
export type IntakeSource = (typeof INTAKE_SOURCES)[number];

export interface IntakeResult extends IngestAnswer {
  /** PagerDuty's answer names the dedup key, made here for a trigger that came without one. */
  dedupKey: string | null;
}

/**
 * One webhook body from monitoring, untrusted: parsed by the source's strict parser in
 * `shared/intake` (a refusal names every field that is wrong and changes nothing), then taken
 * in. Resolves only once what it changed is durable.
 */
export async function takeIn(ctx: HandlerContext, source: IntakeSource, body: unknown): Promise<IntakeResult> {
  let parsed: ParseResult<NormalNotification>;
  let dedupKey: string | null = null;
  if (source === 'pagerduty') {
    const event = parsePagerDuty(body);
    if (!event.ok) throw refusal(event.errors);
    // A trigger without a dedup key opens its own alert group, named here, as PagerDuty does.
    dedupKey = event.value.dedupKey ?? randomUUID().replaceAll('-', '');
    parsed = { ok: true, value: event.value.dedupKey === null ? withDedupKey(event.value, dedupKey) : event.value };
  } else {
    parsed = source === 'alertmanager' ? parseAlertmanager(body) : parseGrafana(body);
  }
  if (!parsed.ok) throw refusal(parsed.errors);
  return { ...(await ingest(ctx, parsed.value)), dedupKey };
}

/** Every problem, one per line, so the intake can list them (PagerDuty answers an `errors` array). */
function refusal(errors: readonly string[]): CommandFailure {
  return new CommandFailure('INVALID_INPUT', errors.join('\n'));
}
