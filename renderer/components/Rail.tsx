import { openDeclareDialog } from '../store/ui-store';
import { ConnectionIndicator } from './ConnectionIndicator';
import { IncidentList } from './IncidentList';
import { OperatorSwitch } from './operator/OperatorSwitch';
import { RailNav } from './RailNav';
import { SyncIndicator } from './sync/SyncIndicator';
import './Rail.css';

export function Rail() {
  return (
    <aside className="rail" aria-label="Incidents">
      <header className="rail-head">
        <div className="rail-head-line">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Command Post</span>
          </div>
          <ConnectionIndicator />
        </div>
        <SyncIndicator place="rail" />
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
