import type { IncidentStatus } from './incident';

/** Statuses where the response is under way and the IC may move back and forth. */
const ACTIVE: IncidentStatus[] = ['investigating', 'identified', 'mitigated'];

export type Move = { ok: true; reopen: boolean } | { ok: false; reason: string };

/**
 * Which status moves the commander may make. Forward and back among the active statuses
 * (a mitigation can fail); resolve from any of them; close only once resolved; reopen from
 * resolved or closed back to investigating. A detected incident is declared or dismissed first.
 */
export function checkMove(from: IncidentStatus, to: IncidentStatus): Move {
  if (from === to) return { ok: false, reason: `The incident is already ${to}.` };
  if (from === 'detected') return { ok: false, reason: 'Declare this incident first, or dismiss it.' };
  if (to === 'detected') return { ok: false, reason: 'An incident cannot go back to detected.' };
  if (from === 'resolved' || from === 'closed') {
    if (to === 'investigating') return { ok: true, reopen: true };
    if (from === 'resolved' && to === 'closed') return { ok: true, reopen: false };
    return { ok: false, reason: `A ${from} incident can only be ${from === 'resolved' ? 'closed or ' : ''}reopened.` };
  }
  if (to === 'closed') return { ok: false, reason: 'Resolve the incident before closing it.' };
  if (ACTIVE.includes(from) && (ACTIVE.includes(to) || to === 'resolved')) return { ok: true, reopen: false };
  return { ok: false, reason: `Cannot move from ${from} to ${to}.` };
}

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  detected: 'Detected',
  investigating: 'Investigating',
  identified: 'Identified',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  closed: 'Closed',
};
