import * as Dialog from '@radix-ui/react-dialog';
import type { IncidentView } from '../../../shared/contract/contract';
import type { Inject } from '../../../shared/drills/types';
import { api } from '../../api';
import { describeCondition, INJECT_KIND_LABELS, injectStatus, scriptInOrder, skipReason } from '../../lib/drill-script';
import { drillStamp, formatInjectMinute } from '../../lib/drill-time';
import { useIncidentNow } from '../../lib/incident-now';
import { returnFocus } from '../focus-return';
import { useCommand } from '../war-room/use-command';

/** The facilitator's script: what has played, what was skipped and why, what is to come, with Fire now. */
export function ScriptDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const drill = incident.drill!;
  const now = useIncidentNow(incident);
  const { busy, error, run } = useCommand();
  const fire = (inject: Inject) => void run(() => api.call('drill.inject', { incidentId: incident.id, injectId: inject.id }));
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog wr-dialog wr-dialog-wide drill-script" data-testid="drill-script-dialog" onCloseAutoFocus={returnFocus}>
          <Dialog.Title className="dialog-title">Script — {drill.scenario.name}</Dialog.Title>
          <Dialog.Description className="dialog-description">
            Now <b>{drillStamp(drill, now)}</b> on the drill clock. Injects play at their minute; Fire now plays one at once. Notes are for you, not the team.
          </Dialog.Description>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <ol className="drill-script-list">
            {scriptInOrder(drill.scenario.injects).map((inject) => {
              const status = injectStatus(drill, inject.id);
              return (
                <li key={inject.id} className={`drill-inject is-${status}`} data-testid="drill-inject" data-inject-id={inject.id} data-status={status}>
                  <div className="drill-inject-head">
                    <span className="drill-inject-minute">{formatInjectMinute(inject.atMinute)}</span>
                    <span className="drill-inject-kind">{INJECT_KIND_LABELS[inject.kind]}</span>
                    {inject.from && <span className="drill-inject-from">from {inject.from}</span>}
                    <span className={`drill-inject-status is-${status}`}>{status}</span>
                    {status === 'upcoming' && (
                      <button type="button" className="btn btn-sm" data-testid="drill-fire" disabled={busy} aria-label={`Fire now: ${inject.id}`} onClick={() => fire(inject)}>
                        Fire now
                      </button>
                    )}
                  </div>
                  <p className="drill-inject-text">{inject.text}</p>
                  {inject.when && status === 'upcoming' && <p className="drill-inject-meta">Plays {describeCondition(inject.when)}.</p>}
                  {status === 'skipped' && <p className="drill-inject-meta">{skipReason(inject)}.</p>}
                  {inject.facilitatorNote && <p className="drill-inject-note">Note: {inject.facilitatorNote}</p>}
                </li>
              );
            })}
          </ol>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn" data-testid="drill-script-close">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
