import { ConnectionLostBanner } from './ConnectionLostBanner';
import { DeclareDialog } from './DeclareDialog';
import { ErrorBoundary } from './ErrorBoundary';
import { MainPane } from './MainPane';
import { IdentityDialog } from './operator/IdentityDialog';
import { UnknownOperatorBar } from './operator/UnknownOperatorBar';
import { Rail } from './Rail';
import { SettingsNoticeBanner } from './SettingsNoticeBanner';
import { SyncAnnouncer } from './sync/SyncAnnouncer';
import { WarRoomGlobals } from './war-room/WarRoomGlobals';
import { useOpenIncident } from '../store/open-incident-store';
import './App.css';

export function App() {
  // A view that failed to draw gets a fresh start when another incident is chosen.
  const incidentId = useOpenIncident((s) => s.incidentId);
  return (
    <div className="app">
      <Rail />
      <main className="main">
        <ConnectionLostBanner />
        <UnknownOperatorBar />
        <SettingsNoticeBanner />
        <WarRoomGlobals />
        <ErrorBoundary key={incidentId ?? 'none'}>
          <MainPane />
        </ErrorBoundary>
      </main>
      <DeclareDialog />
      <IdentityDialog />
      <SyncAnnouncer />
    </div>
  );
}
