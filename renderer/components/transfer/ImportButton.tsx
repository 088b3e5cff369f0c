import * as Dialog from '@radix-ui/react-dialog';
import { useRef, useState } from 'react';
import type { ImportResult } from '../../../shared/contract/contract';
import type { CommandError } from '../../../shared/contract/result';
import type { ImportPreview } from '../../../shared/domain/import-preview';
import { api } from '../../api';
import { formatBytes, readFileAsBase64 } from '../../lib/files';
import { refreshIncidentList } from '../../store/incident-list-store';
import { selectIncident } from '../../store/selection';
import { ImportIcon } from '../icons';
import { ImportPreviewBody } from './ImportPreviewBody';
import '../review-kit.css';
import './Transfer.css';

type ImportState =
  | { step: 'reading' | 'importing'; fileName: string; bytes: number }
  | { step: 'preview'; fileName: string; bytes: number; base64: string; result: ImportResult & { preview: ImportPreview; confirmToken: string } }
  | { step: 'done'; fileName: string; bytes: number; result: ImportResult }
  | { step: 'failed'; fileName: string; bytes: number; error: CommandError };

/**
 * Brings in a post-mortem bundle (.zip) or a scribe's log (.jsonl); events merge by id, so twice
 * is harmless. A bundle that would change an incident already here is shown first and merged
 * only when the operator confirms.
 */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState | null>(null);

  async function importFile(file: File) {
    const base = { fileName: file.name, bytes: file.size };
    setState({ step: 'reading', ...base });
    let base64: string;
    try {
      base64 = await readFileAsBase64(file);
    } catch (error) {
      setState({ step: 'failed', ...base, error: { code: 'INVALID_INPUT', message: `The file could not be read: ${(error as Error).message}` } });
      return;
    }
    await send(base, base64);
  }

  /** Without `confirm` a bundle for an incident already here only answers a preview. */
  async function send(base: { fileName: string; bytes: number }, base64: string, confirm?: string) {
    setState({ step: 'importing', ...base });
    const result = await api.call('bundle.import', { fileName: base.fileName, base64, ...(confirm ? { confirm } : {}) });
    if (!result.ok) {
      setState({ step: 'failed', ...base, error: result.error });
      return;
    }
    const { preview, confirmToken } = result.value;
    if (preview && confirmToken) {
      setState({ step: 'preview', ...base, base64, result: { ...result.value, preview, confirmToken } });
      return;
    }
    setState({ step: 'done', ...base, result: result.value });
    void refreshIncidentList();
  }

  return (
    <>
      <button
        type="button"
        className="rail-nav-link"
        data-testid="import-button"
        title="Import a post-mortem bundle (.zip) or a scribe log (.jsonl)"
        onClick={() => input.current?.click()}
      >
        <ImportIcon />
        Import
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".zip,.jsonl,application/zip,application/x-ndjson"
        data-testid="import-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again (a second import) fires again.
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <Dialog.Root open={state !== null} onOpenChange={(open) => !open && state?.step !== 'reading' && state?.step !== 'importing' && setState(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content className="dialog transfer-dialog" data-testid="import-dialog">
            <Dialog.Title className="dialog-title">Import</Dialog.Title>
            <Dialog.Description className="dialog-description">
              {state ? (
                <>
                  <span className="transfer-file">{state.fileName}</span> · {formatBytes(state.bytes)}
                </>
              ) : null}
            </Dialog.Description>
            {state?.step === 'preview' ? (
              <ImportPreviewBody
                incidentId={state.result.incidentId}
                alreadyHad={state.result.alreadyHad}
                preview={state.result.preview}
                onCancel={() => setState(null)}
                onConfirm={() => void send({ fileName: state.fileName, bytes: state.bytes }, state.base64, state.result.confirmToken)}
              />
            ) : (
              state && <ImportBody state={state} onClose={() => setState(null)} />
            )}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}

function ImportBody({ state, onClose }: { state: Exclude<ImportState, { step: 'preview' }>; onClose: () => void }) {
  if (state.step !== 'done' && state.step !== 'failed') {
    return (
      <p className="transfer-progress" role="status" data-testid="import-progress">
        <span className="spinner" aria-hidden="true" />
        {state.step === 'reading' ? 'Reading the file…' : 'Checking and merging events…'}
      </p>
    );
  }
  if (state.step === 'failed') {
    return (
      <>
        <div className="transfer-error" role="alert" data-testid="import-error">
          <strong>Nothing was imported.</strong> {state.error.message}
        </div>
        <div className="dialog-actions">
          <Dialog.Close asChild>
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
          </Dialog.Close>
        </div>
      </>
    );
  }
  const { result } = state;
  return (
    <>
      <div className="transfer-result" role="status" data-testid="import-result">
        <p className="transfer-result-line">
          Added <b data-testid="import-added">{result.added.toLocaleString()}</b> {result.added === 1 ? 'event' : 'events'} / already had{' '}
          <b data-testid="import-already">{result.alreadyHad.toLocaleString()}</b>
        </p>
        <p className="transfer-result-sub">
          {result.created ? 'New incident on this machine: ' : result.added > 0 ? 'Merged into ' : 'Nothing new for '}
          <span className="transfer-file">{result.incidentId}</span>
        </p>
      </div>
      <div className="dialog-actions">
        <Dialog.Close asChild>
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </Dialog.Close>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="import-open"
          onClick={() => {
            onClose();
            selectIncident(result.incidentId);
          }}
        >
          Open incident
        </button>
      </div>
    </>
  );
}
