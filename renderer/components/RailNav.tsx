import type { JSX } from 'react';
import { useRoute } from '../store/route-store';
import { navigate } from '../store/selection';
import { ChartIcon, GearIcon, TargetIcon } from './icons';
import { ImportButton } from './transfer/ImportButton';

/** The rail's foot: the views across incidents, and bringing an incident in from a file. */
export function RailNav() {
  const view = useRoute((s) => s.view);
  const link = (target: 'metrics' | 'drills' | 'settings', label: string, icon: JSX.Element) => (
    <a
      href={`#/${target}`}
      className={`rail-nav-link${view === target ? ' is-on' : ''}`}
      aria-current={view === target ? 'page' : undefined}
      data-testid={`nav-${target}`}
      onClick={(e) => {
        e.preventDefault();
        navigate({ view: target, incidentId: null });
      }}
    >
      {icon}
      {label}
    </a>
  );
  return (
    <nav className="rail-nav" aria-label="Views">
      {link('metrics', 'Metrics', <ChartIcon />)}
      {link('drills', 'Drills', <TargetIcon />)}
      {link('settings', 'Settings', <GearIcon />)}
      <ImportButton />
    </nav>
  );
}
