import { useState } from 'react';
import { DRILL_SPEEDS, type DrillSpeed } from '../../../shared/drills/types';
import { api } from '../../api';
import { refreshIncidentList } from '../../store/incident-list-store';
import { navigate } from '../../store/selection';
import { useCommand } from '../war-room/use-command';

export type StartFrom = { builtin: string } | { fileName: string; text: string };

/** Who practises, how fast, and Start: the drill's war room opens on this console, its facilitator's. */
export function StartDrillBar({ from, name }: { from: StartFrom | null; name: string | null }) {
  const [team, setTeam] = useState('');
  const [speed, setSpeed] = useState<DrillSpeed>(1);
  const { busy, error, run } = useCommand();
  async function start() {
    if (!from) return;
    const view = await run(() => api.call('drill.start', { scenario: from, speed, ...(team.trim() ? { team: team.trim() } : {}) }));
    if (!view) return;
    void refreshIncidentList();
    navigate({ view: 'war-room', incidentId: view.id });
  }
  return (
    <form
      className="drill-start"
      data-testid="drill-start-form"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <label className="drill-field">
        <span className="drill-field-label">Team</span>
        <input className="input" data-testid="drill-team" value={team} maxLength={100} placeholder="e.g. Payments on-call" onChange={(e) => setTeam(e.target.value)} />
      </label>
      <div className="drill-field">
        <span className="drill-field-label" id="drill-speed-label">
          Speed
        </span>
        <div className="seg drill-start-seg" role="radiogroup" aria-labelledby="drill-speed-label">
          {DRILL_SPEEDS.map((s) => (
            <button key={s} type="button" role="radio" aria-checked={speed === s} className={`seg-btn${speed === s ? ' is-on' : ''}`} data-testid={`drill-start-speed-${s}`} onClick={() => setSpeed(s)}>
              {s}×
            </button>
          ))}
        </div>
      </div>
      <button type="submit" className="btn btn-primary drill-start-button" data-testid="drill-start" disabled={!from || busy}>
        {busy ? 'Starting…' : name ? `Start “${name}”` : 'Choose a scenario'}
      </button>
      {error && (
        <p className="form-error drill-start-error" role="alert" data-testid="drill-start-error">
          {error}
        </p>
      )}
    </form>
  );
}
