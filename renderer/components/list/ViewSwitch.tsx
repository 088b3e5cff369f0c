import { hashOf, type View } from '../../store/route-store';
import { navigate } from '../../store/selection';

/** Under the selected incident: its two screens, the live war room and the written review. */
export function ViewSwitch({ incidentId, view }: { incidentId: string; view: View }) {
  const link = (target: 'war-room' | 'postmortem', label: string) => (
    <a
      href={hashOf({ view: target, incidentId })}
      className={`view-switch-link${view === target ? ' is-on' : ''}`}
      aria-current={view === target ? 'page' : undefined}
      data-testid={`rail-${target}-link`}
      onClick={(e) => {
        e.preventDefault();
        navigate({ view: target, incidentId });
      }}
    >
      {label}
    </a>
  );
  return (
    <div className="view-switch" aria-label="Incident views">
      {link('war-room', 'War room')}
      {link('postmortem', 'Post-mortem')}
    </div>
  );
}
