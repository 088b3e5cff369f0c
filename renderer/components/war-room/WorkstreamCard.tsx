import { formatSpan } from '../../../shared/domain/clocks';
import { cadenceTone } from '../../../shared/domain/deadlines';
import type { MissedDeadline, Workstream } from '../../../shared/domain/incident';
import { api } from '../../api';
import { formatClock, formatElapsedShort, formatUtc } from '../../lib/time';
import { openDialog, showNotice, toggleWorkstream } from '../../store/war-room-store';
import { WORKSTREAM_KIND_LABELS, WORKSTREAM_STATUS_LABELS } from './labels';

interface Props {
  incidentId: string;
  workstream: Workstream;
  /** When it is due to report (`checkInDueAt`): null once the response is over. */
  checkInDue: number | null;
  now: number;
  selected: boolean;
  missed: MissedDeadline[];
  open: boolean;
}

function CheckIn({ workstream, due, now, missed }: { workstream: Workstream; due: number | null; now: number; missed: MissedDeadline[] }) {
  if (workstream.status === 'done') return <span className="checkin tone-off">done</span>;
  if (workstream.checkInAt === null) return <span className="checkin tone-off">no check-in set</span>;
  if (due === null) {
    return (
      <span className="checkin tone-off" data-testid="workstream-checkin" data-tone="off" title="The response is over: check-ins no longer count">
        check-in stopped
      </span>
    );
  }
  const recorded = missed.some((m) => m.key === `check-in:${workstream.id}:${due}`);
  const tone = recorded ? 'overdue' : cadenceTone(due, now);
  return (
    <span className={`checkin tone-${tone}`} data-testid="workstream-checkin" data-tone={tone} title={`Check-in due ${formatUtc(due)}`}>
      {tone === 'overdue' ? `missed +${formatSpan(Math.max(0, now - due))}` : `check-in ${formatSpan(due - now)}`}
    </span>
  );
}

async function reportIn(incidentId: string, workstreamId: string) {
  const result = await api.call('workstream.update', { incidentId, workstreamId });
  showNotice(result.ok ? null : result.error.message);
}

/** One workstream: what it is, who owns it, what is next, how fresh its news is, and when it reports. */
export function WorkstreamCard({ incidentId, workstream: w, checkInDue, now, selected, missed, open }: Props) {
  return (
    <li
      className={`ws-card ws-${w.status}${selected ? ' is-selected' : ''}`}
      data-testid="workstream-card"
      data-status={w.status}
      aria-current={selected ? 'true' : undefined}
    >
      <button
        type="button"
        className="ws-select"
        data-testid="workstream-select"
        aria-pressed={selected}
        title={selected ? 'Show the whole timeline' : 'Show only this workstream on the timeline; new lines are logged against it'}
        onClick={() => toggleWorkstream(w.id)}
      >
        <span className="ws-line">
          <span className="ws-kind">{WORKSTREAM_KIND_LABELS[w.kind]}</span>
          <span className="ws-title">{w.title}</span>
          <span className={`ws-status ws-status-${w.status}`} data-testid="workstream-status">
            {WORKSTREAM_STATUS_LABELS[w.status]}
          </span>
        </span>
        <span className="ws-next">
          <span className="ws-owner">{w.owner || 'no owner'}</span>
          {w.nextStep ? ` · ${w.nextStep}` : ' · no next step'}
        </span>
      </button>
      <div className="ws-foot">
        <span className="ws-reported" title={`Last report ${formatUtc(w.lastReportAt)}`} data-testid="workstream-reported">
          reported {formatElapsedShort(now - w.lastReportAt)} ago
        </span>
        <CheckIn workstream={w} due={checkInDue} now={now} missed={missed} />
        <span className="ws-actions">
          <button
            type="button"
            className="btn btn-sm btn-quiet"
            data-testid="workstream-report"
            disabled={!open}
            title={`Reported in now (no change) — ${formatClock(now)}`}
            onClick={() => void reportIn(incidentId, w.id)}
          >
            ✓ Report
          </button>
          <button type="button" className="btn btn-sm" data-testid="workstream-update" disabled={!open} onClick={() => openDialog({ kind: 'workstream-update', workstream: w })}>
            Update…
          </button>
        </span>
      </div>
    </li>
  );
}
