import { useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { DRILL_SPEEDS, type DrillSpeed } from '../../../shared/drills/types';
import { api } from '../../api';
import { injectStatus } from '../../lib/drill-script';
import { useCommand } from '../war-room/use-command';
import { EndDrillDialog } from './EndDrillDialog';
import { ScriptDialog } from './ScriptDialog';

/** Pause, speed, the script and the end: only on the console that runs the drill. */
export function FacilitatorControls({ incident }: { incident: IncidentView }) {
  const drill = incident.drill!;
  const { busy, error, run } = useCommand();
  const [open, setOpen] = useState<'script' | 'end' | null>(null);
  const paused = drill.clock.paused;
  const upcoming = drill.scenario.injects.filter((i) => injectStatus(drill, i.id) === 'upcoming').length;
  const control = (action: 'pause' | 'resume' | 'speed', speed?: DrillSpeed) =>
    void run(() => api.call('drill.control', { incidentId: incident.id, action, ...(speed ? { speed } : {}) }));

  return (
    <div className="drill-controls" role="group" aria-label="Facilitator controls" data-testid="drill-controls">
      <button type="button" className="btn btn-sm drill-btn" data-testid="drill-pause" disabled={busy} onClick={() => control(paused ? 'resume' : 'pause')}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      <div className="seg drill-seg" role="radiogroup" aria-label="Drill speed">
        {DRILL_SPEEDS.map((speed) => (
          <button
            key={speed}
            type="button"
            role="radio"
            aria-checked={drill.clock.speed === speed}
            className={`seg-btn${drill.clock.speed === speed ? ' is-on' : ''}`}
            data-testid={`drill-speed-${speed}`}
            disabled={busy}
            onClick={() => drill.clock.speed !== speed && control('speed', speed)}
          >
            {speed}×
          </button>
        ))}
      </div>
      <button type="button" className="btn btn-sm drill-btn" data-testid="drill-script" onClick={() => setOpen('script')}>
        Script ({upcoming} to come)
      </button>
      <button type="button" className="btn btn-sm drill-btn drill-end" data-testid="drill-end" onClick={() => setOpen('end')}>
        End drill…
      </button>
      {error && (
        <span className="drill-error" role="alert">
          {error}
        </span>
      )}
      {open === 'script' && <ScriptDialog incident={incident} onClose={() => setOpen(null)} />}
      {open === 'end' && <EndDrillDialog incident={incident} onClose={() => setOpen(null)} />}
    </div>
  );
}
