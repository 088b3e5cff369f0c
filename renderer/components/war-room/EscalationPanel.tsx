import type { IncidentView } from '../../../shared/contract/contract';
import { formatSpan } from '../../../shared/domain/clocks';
import { api } from '../../api';
import { escalationView, type TierView } from '../../lib/escalation-view';
import { formatClock, formatUtc } from '../../lib/time';
import { openDialog, showNotice } from '../../store/war-room-store';

function TierRow({ tier, now }: { tier: TierView; now: number }) {
  let when: string;
  if (tier.state === 'paged') when = `paged ${formatClock(tier.page!.at)}`;
  else if (tier.state === 'stopped') when = 'not needed';
  else if (tier.state === 'due' || tier.dueAt === null) when = 'paging now…';
  else when = `in ${formatSpan(tier.dueAt - now)}`;
  return (
    <li className={`esc-tier esc-tier-${tier.state}`} data-testid="escalation-tier" title={`${tier.target}${tier.contact ? ` — ${tier.contact}` : ''}`}>
      <span className="esc-tier-number">
        T{tier.tier} · +{tier.delayMinutes}m
      </span>
      <span className="esc-tier-target">{tier.target}</span>
      <span className="esc-tier-when">{when}</span>
    </li>
  );
}

async function acknowledge(incidentId: string) {
  const result = await api.call('escalation.acknowledge', { incidentId, by: '' });
  showNotice(result.ok ? null : result.error.message);
}

/**
 * The escalation ladder from the policy in force: who was paged and when, how long until the
 * next tier, whom to call now. Acknowledging stops it and records time to acknowledge.
 */
export function EscalationPanel({ incident, now }: { incident: IncidentView; now: number }) {
  const view = escalationView(incident, now);
  const acked = view.acknowledgedAt !== null;
  const open = incident.status !== 'closed';
  return (
    <section className={`escalation${acked ? ' is-acked' : view.callNow ? ' is-calling' : ''}`} data-testid="escalation-panel" aria-label="Escalation">
      <div className="escalation-top">
        <h2 className="cadence-title">
          Escalation{incident.escalation.policySeverity ? ` · ${incident.escalation.policySeverity} policy` : ''}
        </h2>
        <div className="escalation-actions">
          {!acked && (
            <button type="button" className="btn btn-sm btn-danger" data-testid="acknowledge-button" disabled={!open} onClick={() => void acknowledge(incident.id)}>
              Acknowledge
            </button>
          )}
          <button type="button" className="btn btn-sm" data-testid="page-button" disabled={!open} onClick={() => openDialog({ kind: 'page' })}>
            Page an expert
          </button>
        </div>
      </div>
      {acked ? (
        <p className="escalation-now is-acked" data-testid="escalation-now" title={formatUtc(view.acknowledgedAt!)}>
          ✓ Acknowledged {formatClock(view.acknowledgedAt!)} — escalation stopped
        </p>
      ) : view.stopped ? (
        <p className="escalation-now is-quiet" data-testid="escalation-now">
          Escalation stopped: the incident is {incident.status}
        </p>
      ) : view.callNow ? (
        <p className="escalation-now" data-testid="escalation-now">
          <span className="call-label">Call now</span> <strong>{view.callNow.target}</strong>
          <span className="call-contact">{view.callNow.contact || 'no contact line on the policy'}</span>
        </p>
      ) : (
        <p className="escalation-now is-quiet" data-testid="escalation-now">
          {view.next && view.next.dueAt !== null ? `First page in ${formatSpan(Math.max(0, view.next.dueAt - now))}` : 'No escalation policy in force'}
        </p>
      )}
      {view.tiers.length > 0 && (
        <ol className="esc-tiers">
          {view.tiers.map((tier) => (
            <TierRow key={tier.tier} tier={tier} now={now} />
          ))}
        </ol>
      )}
      {view.lateral.length > 0 && (
        <p className="lateral" data-testid="lateral-pages">
          Experts paged:{' '}
          {view.lateral.map((p, i) => (
            <span key={i} title={`${p.contact}${p.reason ? ` — ${p.reason}` : ''}`}>
              {i > 0 && ', '}
              {p.target} {formatClock(p.at)}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
