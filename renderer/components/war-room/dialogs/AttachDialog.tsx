import { useState } from 'react';
import type { IncidentListItem } from '../../../../shared/contract/contract';
import { api } from '../../../api';
import { formatElapsedShort } from '../../../lib/time';
import { attachTargets } from '../../../lib/triage';
import { useNow } from '../../../lib/use-now';
import { useIncidentList } from '../../../store/incident-list-store';
import { SeverityChip } from '../../SeverityChip';
import { StatusBadge } from '../../StatusBadge';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';

interface Props {
  detection: { id: string; title: string };
  onClose: () => void;
  /** After the engine took it, with the incident the alerts went to. */
  onAttached?: (targetId: string) => void;
}

function TargetChoice({ item, checked, onPick }: { item: IncidentListItem; checked: boolean; onPick: () => void }) {
  const now = useNow();
  const since = item.declaredAt === null ? null : formatElapsedShort(now - item.declaredAt);
  return (
    <label className={`attach-choice${checked ? ' is-on' : ''}`} data-testid="attach-target" data-incident-id={item.id}>
      <input type="radio" name="attach-target" value={item.id} checked={checked} onChange={onPick} />
      <span className="attach-choice-words">
        <span className="attach-choice-top">
          <SeverityChip severity={item.severity} size="small" />
          <StatusBadge status={item.status} size="small" />
          {since && <span className="attach-choice-since">declared {since} ago</span>}
        </span>
        <span className="attach-choice-title">{item.title}</span>
        <span className="attach-choice-id">{item.id}</span>
      </span>
    </label>
  );
}

/**
 * Triage's third answer: these alerts are part of an incident already being handled. The
 * detection's alerts go there (and so do its group's later notifications); the detection closes.
 */
export function AttachDialog({ detection, onClose, onAttached }: Props) {
  const items = useIncidentList((s) => s.items);
  const targets = attachTargets(items, detection.id);
  const [picked, setPicked] = useState<string | null>(targets.length === 1 ? targets[0]!.id : null);
  const { busy, error, run } = useCommand();
  const target = targets.find((t) => t.id === picked) ?? null;

  async function submit() {
    if (!target) return;
    const done = await run(() => api.call('incident.attach', { incidentId: detection.id, to: target.id }));
    if (!done) return;
    onClose();
    onAttached?.(target.id);
  }

  return (
    <FormDialog
      title="Attach to an open incident"
      description={
        <>
          The alerts of <strong>{detection.title}</strong> join the incident you pick, and so do their later notifications. This detection closes as attached.
        </>
      }
      testId="attach-dialog"
      submitLabel={target ? `Attach to ${target.id}` : 'Attach'}
      canSubmit={target !== null}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      {targets.length === 0 ? (
        <p className="attach-none" data-testid="attach-none">
          No declared incident is open. Declare this detection instead, or dismiss it.
        </p>
      ) : (
        <fieldset className="attach-choices">
          <legend className="field-label">Open incidents</legend>
          {targets.map((item) => (
            <TargetChoice key={item.id} item={item} checked={picked === item.id} onPick={() => setPicked(item.id)} />
          ))}
        </fieldset>
      )}
    </FormDialog>
  );
}
