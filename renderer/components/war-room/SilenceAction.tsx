import { useEffect, useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { formatClockIn } from '../../../shared/time/format';
import { api } from '../../api';
import { useTimeZone } from '../../lib/zone';
import { loadIntakeSources, useIntake } from '../../store/intake-store';
import { useCommand } from './use-command';

const HOURS = 4;

/**
 * Asks — never does by itself — whether to silence this incident's Alertmanager alerts while the
 * team works, so pagers stop; the silences end when the incident resolves. Only where this console
 * follows an Alertmanager (it needs its address and credentials) and something still fires.
 */
export function SilenceAction({ incident }: { incident: IncidentView }) {
  const zone = useTimeZone();
  const pull = useIntake((s) => s.sources?.pull ?? null);
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useCommand();
  useEffect(() => {
    void loadIntakeSources();
  }, []);
  const active = incident.silences.filter((s) => s.endedAt === null);
  if (active.length > 0) {
    const until = Math.max(...active.map((s) => s.endsAt));
    return (
      <p className="silence-note" data-testid="silence-active">
        Silenced in Alertmanager until {formatClockIn(until, zone, false)}, or until this incident resolves.
      </p>
    );
  }
  const over = incident.status === 'resolved' || incident.status === 'closed' || incident.status === 'detected';
  const firing = incident.alerts.some((a) => (a.alert.source === 'alertmanager' || a.alert.source === 'alertmanager-pull') && a.alert.status === 'firing');
  if (!pull?.enabled || over || !firing) return null;
  if (!asking) {
    return (
      <button type="button" className="btn btn-small" data-testid="silence-ask" onClick={() => setAsking(true)}>
        Silence in Alertmanager…
      </button>
    );
  }
  return (
    <div className="silence-confirm" role="group" aria-label="Silence these alerts in Alertmanager">
      <p>
        Pagers for these alerts stop for {HOURS} h, or until this incident resolves. Silence them now in {pull.url}?
      </p>
      <div className="silence-buttons">
        <button
          type="button"
          className="btn btn-small btn-primary"
          data-testid="silence-confirm"
          disabled={busy}
          onClick={() => void run(() => api.call('alerts.silence', { incidentId: incident.id, hours: HOURS })).then((done) => done && setAsking(false))}
        >
          Silence for {HOURS} h
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => setAsking(false)}>
          Not now
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
