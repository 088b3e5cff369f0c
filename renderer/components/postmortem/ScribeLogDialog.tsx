import * as Dialog from '@radix-ui/react-dialog';
import { type ReactNode, useEffect, useState } from 'react';
import type { ExportedFile, IncidentView, TimelineFacetsView } from '../../../shared/contract/contract';
import type { CommandError } from '../../../shared/contract/result';
import { api } from '../../api';
import { base64ToBytes, formatBytes, saveBlob } from '../../lib/files';
import '../transfer/Transfer.css';

/** A scribe's log: the events one person wrote, to hand over and merge into another machine's copy. */
export function ScribeLogDialog({ incident, version, trigger }: { incident: IncidentView; version: number; trigger: ReactNode }) {
  const [open, setOpen] = useState(false);
  // Everyone who wrote on this incident, busiest first, counted by the engine (the engine's own lines are nobody's).
  const [actors, setActors] = useState<TimelineFacetsView['authors']>([]);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void api.call('timeline.facets', { incidentId: incident.id }).then((result) => {
      if (live && result.ok) setActors(result.value.authors);
    });
    return () => {
      live = false;
    };
  }, [open, incident.id, version]);
  const [actor, setActor] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportedFile | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const chosen = actor || actors[0]?.name || '';

  async function exportLog() {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await api.call('scribe.export', { incidentId: incident.id, actor: chosen });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const file = result.value;
    saveBlob(new Blob([base64ToBytes(file.base64)], { type: file.mimeType }), file.fileName);
    setDone(file);
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setDone(null);
          setError(null);
        }
      }}
    >
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog transfer-dialog" data-testid="scribe-dialog">
          <Dialog.Title className="dialog-title">Export a scribe log</Dialog.Title>
          <Dialog.Description className="dialog-description">
            The events one person logged on this incident, as a .jsonl file. Import it on another machine to merge the notes: events merge by id, so
            nothing is doubled.
          </Dialog.Description>
          {actors.length === 0 ? (
            <p className="empty-note">Nobody has logged anything on this incident yet.</p>
          ) : (
            <label className="field">
              <span className="field-label">Whose log</span>
              <select className="input" data-testid="scribe-actor" value={chosen} onChange={(e) => setActor(e.target.value)}>
                {actors.map((a) => (
                  <option key={a.name} value={a.name}>
                    {a.name} — {a.entries.toLocaleString()} timeline {a.entries === 1 ? 'line' : 'lines'}
                  </option>
                ))}
              </select>
            </label>
          )}
          {error && (
            <div className="transfer-error" role="alert" data-testid="scribe-error">
              {error.message}
            </div>
          )}
          {done && (
            <div className="transfer-result" role="status" data-testid="scribe-result">
              <p>
                Saved <span className="transfer-file">{done.fileName}</span> · {formatBytes(done.bytes)} · {done.contents.join(', ')}
              </p>
            </div>
          )}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn">
                Close
              </button>
            </Dialog.Close>
            <button type="button" className="btn btn-primary" data-testid="scribe-export" disabled={busy || !chosen} onClick={() => void exportLog()}>
              {busy ? 'Exporting…' : 'Export log'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
