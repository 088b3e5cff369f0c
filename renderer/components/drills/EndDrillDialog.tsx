import type { IncidentView } from '../../../shared/contract/contract';
import { api } from '../../api';
import { STATUS_LABELS } from '../../lib/labels';
import { navigate } from '../../store/selection';
import { FormDialog } from '../war-room/FormDialog';
import { useCommand } from '../war-room/use-command';

/** Ending stops the drill's clock and its script for good; the debrief scores what was done until now. */
export function EndDrillDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const { busy, error, run } = useCommand();
  async function end() {
    const done = await run(() => api.call('drill.control', { incidentId: incident.id, action: 'end' }));
    if (!done) return;
    onClose();
    navigate({ view: 'debrief', incidentId: incident.id });
  }
  return (
    <FormDialog
      title="End the drill?"
      description="The drill's clock stops and no more injects play. The debrief scores what the team did until now; the incident stays as it is (resolve it first if the team got that far)."
      testId="drill-end-dialog"
      submitLabel="End drill and open the debrief"
      submitTone="danger"
      busy={busy}
      error={error}
      size="narrow"
      onSubmit={() => void end()}
      onClose={onClose}
    >
      <p className="drill-end-state">
        {incident.title} · {STATUS_LABELS[incident.status]}
      </p>
    </FormDialog>
  );
}
