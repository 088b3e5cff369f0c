import { useEffect, useRef, useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { mitigationOffer } from '../../../shared/domain/mitigation-offer';
import { formatClockIn, formatShortDate } from '../../../shared/time/format';
import { dayKey } from '../../../shared/time/zone';
import { api } from '../../api';
import { useTimeZone } from '../../lib/zone';
import { useOpenIncident } from '../../store/open-incident-store';
import { showNotice } from '../../store/war-room-store';
import { nowOn } from '../../lib/incident-now';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * After a mitigation is logged while the incident is not yet mitigated: one key (Alt+M, or M
 * outside a text box) marks it mitigated at the entry's time, so TTM is right. Never silent.
 */
export function MitigationOffer({ incident }: { incident: IncidentView }) {
  const zone = useTimeZone();
  const [declined, setDeclined] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const opened = useOpenIncident((s) => s.mitigationOffer);
  const offer = mitigationOffer(incident, opened);
  const shown = offer && offer.entryId !== declined ? offer : null;
  const accept = useRef<() => void>(() => {});

  accept.current = () => {
    if (!shown || busy) return;
    setBusy(true);
    void api
      .call('incident.setStatus', {
        incidentId: incident.id,
        status: 'mitigated',
        reason: `From the mitigation entry: ${shown.text.slice(0, 200)}`,
        at: shown.at,
      })
      .then((result) => {
        setBusy(false);
        showNotice(result.ok ? null : result.error.message);
      });
  };

  useEffect(() => {
    if (!shown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code !== 'KeyM' || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (!event.altKey && isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      accept.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shown]);

  if (!shown) return null;
  const sameDay = dayKey(shown.at, zone) === dayKey(nowOn(incident), zone);
  const when = `${sameDay ? '' : `${formatShortDate(shown.at, zone)} `}${formatClockIn(shown.at, zone, false)}`;
  return (
    <div className="mitigation-offer" role="status" data-testid="mitigation-offer">
      <span>
        Mark the incident mitigated at <strong>{when}</strong>? <span className="mitigation-offer-why">TTM is measured to the mitigation you logged.</span>
      </span>
      <span className="mitigation-offer-actions">
        <button type="button" className="btn btn-sm btn-primary" data-testid="mitigation-accept" disabled={busy} onClick={() => accept.current()}>
          Mark mitigated <kbd>Alt</kbd>+<kbd>M</kbd>
        </button>
        <button type="button" className="btn btn-sm btn-quiet" data-testid="mitigation-decline" onClick={() => setDeclined(shown.entryId)}>
          Not now
        </button>
      </span>
    </div>
  );
}
