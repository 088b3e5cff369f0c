import { useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import { ENTRY_KINDS, isScribeKind, type TimelineEntry } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { findLoadedEntry } from '../../../store/timeline-store';
import { KIND_LABELS } from '../../../lib/labels';
import { formatClock, formatUtc } from '../../../lib/time';
import type { ScribeKind } from '../../entry-preview';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';

const SCRIBE_KINDS = ENTRY_KINDS.filter(isScribeKind);

/** Correcting a line: the new text is shown, every earlier version stays in its history. */
export function AmendDialog({ incident, entryId, onClose }: { incident: IncidentView; entryId: string; onClose: () => void }) {
  // The row it was opened from is loaded; a line just logged is in the state's tail.
  const entry = findLoadedEntry(entryId) ?? incident.timeline.find((e) => e.id === entryId);
  if (!entry) return null;
  return <AmendForm incidentId={incident.id} entry={entry} onClose={onClose} />;
}

function AmendForm({ incidentId, entry, onClose }: { incidentId: string; entry: TimelineEntry; onClose: () => void }) {
  const [text, setText] = useState(entry.text);
  const [kind, setKind] = useState<ScribeKind>(isScribeKind(entry.kind) ? entry.kind : 'note');
  const { busy, error, run } = useCommand();

  async function submit() {
    const done = await run(() => api.call('timeline.amend', { incidentId, entryId: entry.id, text, kind }));
    if (done) onClose();
  }

  return (
    <FormDialog
      title="Amend entry"
      description={`Logged ${formatClock(entry.at)} by ${entry.actor}. The original stays visible in the entry's history.`}
      testId="amend-dialog"
      submitLabel="Save amendment"
      canSubmit={text.trim() !== '' && (text !== entry.text || kind !== entry.kind)}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="field-row field-row-kind">
        <Field label="Type">
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as ScribeKind)}>
            {SCRIBE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Text" max={LIMITS.entryText} value={text}>
          <textarea dir="auto" className="input" data-testid="amend-text" rows={3} autoFocus value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
      </div>
      {entry.revisions.length > 0 && (
        <div className="revisions">
          <span className="field-label">Earlier versions</span>
          {entry.revisions.map((r, i) => (
            <p key={i} className="revision" title={formatUtc(r.replacedAt)}>
              <span className="revision-when">
                {KIND_LABELS[r.kind]} · replaced {formatClock(r.replacedAt)} by {r.replacedBy}
              </span>
              {r.text}
            </p>
          ))}
        </div>
      )}
    </FormDialog>
  );
}
