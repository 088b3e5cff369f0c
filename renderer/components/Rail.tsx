import { openDeclareDialog } from '../store/ui-store';
import { ConnectionIndicator } from './ConnectionIndicator';
import { IncidentList } from './IncidentList';
import { OperatorSwitch } from './operator/OperatorSwitch';
import { RailNav } from './RailNav';
import './Rail.css';

export function Rail() {
  return (
    <aside className="rail" aria-label="Incidents">
      <header className="rail-head">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Command Post</span>
        </div>
        <ConnectionIndicator />
      </header>
      <OperatorSwitch />
      <button type="button" className="btn btn-declare" data-testid="declare-button" onClick={openDeclareDialog}>
        <span aria-hidden="true" className="btn-declare-plus">+</span> Declare incident
      </button>
      <IncidentList />
      <RailNav />
    </aside>
  );
}
