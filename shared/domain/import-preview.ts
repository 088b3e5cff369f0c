import type { IncidentEvent, IncidentEventType } from './events';
import { withCapitalArticle } from './grammar';
import { ROLE_LABELS } from './incident';

export type PreviewChangeKind = 'status' | 'severity' | 'role' | 'approval' | 'escalation' | 'cadence' | 'lifecycle';

/** One decision the file would record on an incident already here. */
export interface PreviewChange {
  kind: PreviewChangeKind;
  /** In the IC's words: "Status investigating → closed". */
  text: string;
  /** When the file says it happened, and who it says did it. */
  at: number;
  actor: string;
}

/** What merging a file would do, shown before anything is written. */
export interface ImportPreview {
  /** Events the file would add (those already here, by id, are not counted). */
  events: number;
  /** How many of each kind, most first. */
  counts: Array<{ type: IncidentEventType; count: number }>;
  /** Every change of status, severity, role, approval, escalation or cadence, in file order. */
  changes: PreviewChange[];
}

/** The preview of `fresh`: the events of a file that are not here yet. */
export function previewImport(fresh: readonly IncidentEvent[]): ImportPreview {
  const counts = new Map<IncidentEventType, number>();
  const changes: PreviewChange[] = [];
  for (const event of fresh) {
    counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    const change = describeChange(event);
    if (change) changes.push({ ...change, at: event.at, actor: event.actor });
  }
  return {
    events: fresh.length,
    counts: [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    changes,
  };
}

function describeChange(event: IncidentEvent): { kind: PreviewChangeKind; text: string } | null {
  switch (event.type) {
    case 'incident.statusChanged':
      return { kind: 'status', text: `Status ${event.payload.from} → ${event.payload.to}` };
    case 'incident.severityChanged':
      return { kind: 'severity', text: `Severity ${event.payload.from} → ${event.payload.to}` };
    case 'incident.promoted':
      return { kind: 'lifecycle', text: `Declared at ${event.payload.severity}` };
    case 'incident.dismissed':
      return { kind: 'lifecycle', text: `Dismissed (${event.payload.outcome})` };
    case 'incident.timeSet':
      return { kind: 'lifecycle', text: `Time ${event.payload.field} set` };
    case 'role.assigned':
      return { kind: 'role', text: `${event.payload.name} becomes ${ROLE_LABELS[event.payload.role]}` };
    case 'role.handedOff':
      return { kind: 'role', text: `${ROLE_LABELS[event.payload.role]} handed from ${event.payload.from} to ${event.payload.name}` };
    case 'role.released':
      return { kind: 'role', text: `${event.payload.name} releases ${ROLE_LABELS[event.payload.role]}` };
    case 'update.approved':
      return {
        kind: 'approval',
        text: `${withCapitalArticle(event.payload.kind)} update approved${event.payload.override ? ` by someone not the IC: ${event.payload.override.reason}` : ''}`,
      };
    case 'update.sent':
      return { kind: 'approval', text: `${withCapitalArticle(event.payload.kind)} update recorded as sent via ${event.payload.channel || 'no channel'}` };
    case 'escalation.policySet':
      return { kind: 'escalation', text: `Escalation tiers for ${event.payload.severity} set to ${event.payload.tiers.length}` };
    case 'escalation.paged':
      return { kind: 'escalation', text: `${event.payload.target} paged` };
    case 'escalation.acknowledged':
      return { kind: 'escalation', text: `Escalation acknowledged by ${event.payload.by || 'someone'}` };
    case 'cadence.set':
      return { kind: 'cadence', text: `${event.payload.audience} cadence ${event.payload.intervalMinutes === null ? 'off' : `every ${event.payload.intervalMinutes} min`}` };
    default:
      return null;
  }
}
