import type { IncidentView } from '../../../shared/contract/contract';
import { closeDialog, useWarRoom } from '../../store/war-room-store';
import { navigate } from '../../store/selection';
import { AmendDialog } from './dialogs/AmendDialog';
import { AssignDialog } from './dialogs/AssignDialog';
import { AttachDialog } from './dialogs/AttachDialog';
import { CadenceDialog } from './dialogs/CadenceDialog';
import { DismissDialog } from './dialogs/DismissDialog';
import { DraftDialog } from './dialogs/DraftDialog';
import { HandoffDialog } from './dialogs/HandoffDialog';
import { PageDialog } from './dialogs/PageDialog';
import { PromoteDialog } from './dialogs/PromoteDialog';
import { ReleaseDialog } from './dialogs/ReleaseDialog';
import { ResponderDialog } from './dialogs/ResponderDialog';
import { SeverityDialog } from './dialogs/SeverityDialog';
import { StatusDialog } from './dialogs/StatusDialog';
import { StrikeDialog } from './dialogs/StrikeDialog';
import { TimesDialog } from './dialogs/TimesDialog';
import { WorkstreamOpenDialog } from './dialogs/WorkstreamOpenDialog';
import { WorkstreamUpdateDialog } from './dialogs/WorkstreamUpdateDialog';
import './dialogs.css';

/** The one war-room dialog that is open, whoever opened it (a button, a row, the palette). */
export function WarRoomDialogs({ incident }: { incident: IncidentView }) {
  const dialog = useWarRoom((s) => s.dialog);
  const dialogFor = useWarRoom((s) => s.dialogFor);
  if (!dialog || dialogFor !== incident.id) return null;
  const common = { incident, onClose: closeDialog };
  switch (dialog.kind) {
    case 'severity':
      return <SeverityDialog {...common} initial={dialog.severity} />;
    case 'status':
      return <StatusDialog key={dialog.to} {...common} to={dialog.to} />;
    case 'times':
      return <TimesDialog {...common} />;
    case 'promote':
      return <PromoteDialog {...common} />;
    case 'dismiss':
      return <DismissDialog {...common} />;
    case 'attach':
      // The detection is closed now; the work goes on where its alerts went.
      return <AttachDialog detection={incident} onClose={closeDialog} onAttached={(to) => navigate({ view: 'war-room', incidentId: to })} />;
    case 'assign':
      return <AssignDialog {...common} role={dialog.role} />;
    case 'handoff':
      return <HandoffDialog key={dialog.role} {...common} role={dialog.role} />;
    case 'release':
      return <ReleaseDialog {...common} role={dialog.role} />;
    case 'responder':
      return <ResponderDialog {...common} />;
    case 'workstream-open':
      return <WorkstreamOpenDialog {...common} />;
    case 'workstream-update':
      return <WorkstreamUpdateDialog key={dialog.workstream.id} {...common} workstream={dialog.workstream} />;
    case 'amend':
      return <AmendDialog key={dialog.entryId} {...common} entryId={dialog.entryId} />;
    case 'strike':
      return <StrikeDialog key={dialog.entryId} {...common} entryId={dialog.entryId} />;
    case 'cadence':
      return <CadenceDialog {...common} audience={dialog.audience} />;
    case 'page':
      return <PageDialog {...common} />;
    case 'draft':
      return <DraftDialog key={dialog.draftKind} {...common} kind={dialog.draftKind} />;
  }
}
