import { formatClockIn, formatDate, zoneAbbreviation } from '../../time/format';
import { machineTimeZone, type TimeZone } from '../../time/zone';
import { formatSpan, isRecordableTime } from '../clocks';
import { nextUpdateDue } from '../deadlines';
import type { Audience, DraftKind, IncidentState, Millis, TimelineEntry } from '../incident';
import { STATUS_LABELS } from '../lifecycle';

/** What the comms lead can add by hand in the dialog; the rest comes from live state. */
export interface DraftExtras {
  affected?: string;
  businessRisk?: string;
  etaConfidence?: string;
  asks?: string;
  needs?: string;
  cause?: string;
  fix?: string;
}

export const PUBLIC_STATUS = { investigating: 'investigating', identified: 'identified', monitoring: 'monitoring', resolved: 'resolved' } as const;
export type PublicStatus = keyof typeof PUBLIC_STATUS;

export function publicStatus(state: IncidentState): PublicStatus {
  switch (state.status) {
    case 'identified':
      return 'identified';
    case 'mitigated':
      return 'monitoring';
    case 'resolved':
    case 'closed':
      return 'resolved';
    default:
      return 'investigating';
  }
}

const PUBLIC_LABEL: Record<PublicStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/** What an external update is headed with until the comms lead writes the impact customers notice. */
export const GENERIC_PUBLIC_TITLE = 'Service disruption';

export const AUDIENCE_OF: Record<DraftKind, Audience> = {
  internal: 'internal',
  executive: 'internal',
  external: 'external',
  resolution: 'external',
};

/** `03:42 CET`: an update read in another zone still says which clock it means. */
export function formatClock(ms: Millis | null, zone: TimeZone): string {
  if (ms === null) return 'not yet';
  return isRecordableTime(ms) ? `${formatClockIn(ms, zone, false)} ${zoneAbbreviation(ms, zone)}` : '—';
}

function lines(entries: TimelineEntry[], empty: string, zone: TimeZone, max = 6): string {
  const live = entries.filter((e) => !e.struck).slice(-max);
  if (live.length === 0) return `- ${empty}`;
  return live.map((e) => `- ${formatClock(e.at, zone)} ${e.text}`).join('\n');
}

const ofKind = (state: IncidentState, ...kinds: string[]) => state.timeline.filter((e) => kinds.includes(e.kind));

function publicMessage(status: PublicStatus, affected: string): string {
  switch (status) {
    case 'investigating':
      return `We are investigating a problem affecting ${affected}. Some customers may see errors or slow responses. We are sorry for the trouble and are working on it now.`;
    case 'identified':
      return `We have found the cause of the problem affecting ${affected} and are working on a fix.`;
    case 'monitoring':
      return `A fix is in place for the problem affecting ${affected}. Things should be back to normal; we are watching closely to make sure.`;
    case 'resolved':
      return `The problem affecting ${affected} has been resolved. Everything is working normally.`;
  }
}

/** Every placeholder a template may use, with its value for this incident now. */
export function draftValues(
  state: IncidentState,
  kind: DraftKind,
  now: Millis,
  extras: DraftExtras = {},
  zone: TimeZone = machineTimeZone(),
): Record<string, string> {
  const audience = AUDIENCE_OF[kind];
  const t = state.timestamps;
  const start = t.impactStartedAt ?? t.declaredAt ?? t.detectedAt;
  // Customers read external updates: never the internal title, tags or timeline text there.
  const affected = extras.affected?.trim() || 'some of our services';
  const status = publicStatus(state);
  // The update being drafted answers the current deadline; the one it promises comes an interval after it.
  const interval = state.cadence[audience].intervalMs;
  const promised = nextUpdateDue(state, audience) === null || interval === null ? null : now + interval;
  const due = promised !== null && isRecordableTime(promised) ? promised : null;
  const blocked = state.workstreams.filter((w) => w.status === 'blocked').map((w) => `${w.title}${w.nextStep ? ` (${w.nextStep})` : ''}`);
  const working = state.workstreams.filter((w) => w.status !== 'done');
  const lastOf = (...kinds: string[]) => ofKind(state, ...kinds).filter((e) => !e.struck).at(-1)?.text;
  const severe = state.severity === 'SEV1' || state.severity === 'SEV2';
  const resolvedAt = t.resolvedAt ?? now;
  return {
    title: state.title,
    severity: state.severity,
    status: STATUS_LABELS[state.status],
    updateNumber: String(state.updates.filter((u) => u.audience === audience).length + 1),
    impact: state.summary || 'being assessed',
    startedAt: formatClock(start, zone),
    elapsed: start === null ? 'unknown' : formatSpan((t.resolvedAt ?? now) - start),
    tried: lines(ofKind(state, 'action', 'mitigation'), 'nothing logged yet', zone),
    workstreams: working.length
      ? working.map((w) => `- ${w.title}${w.owner ? ` — ${w.owner}` : ''}: ${w.nextStep || 'no next step logged'}${w.status === 'blocked' ? ' [BLOCKED]' : ''}`).join('\n')
      : '- no workstreams open',
    decisions: lines(ofKind(state, 'decision'), 'none logged', zone),
    needs: extras.needs?.trim() || (blocked.length ? `unblock ${blocked.join('; ')}` : 'nothing right now'),
    commander: state.roles['incident-commander']?.name ?? 'unassigned',
    nextUpdate: due === null ? 'as soon as we know more' : formatClock(due, zone),
    publicStatus: status,
    publicStatusLabel: PUBLIC_LABEL[status],
    publicMessage: publicMessage(status, affected),
    affected,
    businessRisk: extras.businessRisk?.trim() || 'to be assessed',
    etaConfidence: extras.etaConfidence?.trim() || 'no estimate yet',
    asks: extras.asks?.trim() || 'none',
    resolvedAt: formatClock(resolvedAt, zone),
    cause: extras.cause?.trim() || (audience === 'external' ? 'a fault in one of our systems, still being confirmed' : lastOf('finding', 'hypothesis') || 'still being confirmed'),
    fix: extras.fix?.trim() || (audience === 'external' ? 'we corrected the fault and are watching closely' : lastOf('mitigation') || 'see the post-incident review'),
    publicTitle: state.publicImpact?.trim() || GENERIC_PUBLIC_TITLE,
    postmortemDate: isRecordableTime(resolvedAt) ? formatDate(resolvedAt + (severe ? 5 : 10) * 86_400_000, zone) : '—',
    apology: severe ? 'We are sorry for the disruption this caused.' : '',
  };
}

/** The names templates may use; a test keeps this list and `draftValues` in step. */
export const PLACEHOLDER_NAMES = [
  'title',
  'severity',
  'status',
  'updateNumber',
  'impact',
  'startedAt',
  'elapsed',
  'tried',
  'workstreams',
  'decisions',
  'needs',
  'commander',
  'nextUpdate',
  'publicStatus',
  'publicStatusLabel',
  'publicMessage',
  'affected',
  'businessRisk',
  'etaConfidence',
  'asks',
  'resolvedAt',
  'cause',
  'fix',
  'postmortemDate',
  'apology',
  'publicTitle',
] as const;

/** Placeholders that carry internal detail (titles, service names, timeline text): never for customers. */
export const INTERNAL_ONLY_PLACEHOLDERS: readonly string[] = ['title', 'impact', 'tried', 'workstreams', 'decisions', 'needs', 'severity', 'commander'];
