import * as Dialog from '@radix-ui/react-dialog';
import { useRef, useState } from 'react';
import type { IncidentView } from '../../../../shared/contract/contract';
import { DRAFT_FORMATS, type DraftFormat, hashDraft } from '../../../../shared/domain/drafts/export';
import type { DraftKind } from '../../../../shared/domain/incident';
import { api } from '../../../api';
import { copyText } from '../../../lib/clipboard';
import { saveText } from '../../../lib/files';
import { type DraftWork, draftKey, dropDraftWork } from '../../../store/draft-store';
import { SUBMIT } from '../../../lib/shortcuts';
import { useOperatorName } from '../../../store/operator-store';
import { ChordHint } from '../../ChordHint';
import { useCommand } from '../use-command';
import { useDraftKeys } from './use-draft-keys';
import { approverStanding } from './approval-standing';
import { ApprovalState, ApproveButton, OverrideBox } from './ApprovalControls';

const FORMAT_LABELS: Record<DraftFormat, string> = {
  txt: '.txt',
  md: '.md',
  html: '.html',
  statuspage: 'Statuspage JSON',
};

interface Props {
  incident: IncidentView;
  kind: DraftKind;
  work: DraftWork;
  approvalRequired: boolean;
  /** The IC approved exactly this text. */
  approved: boolean;
  /** The IC approved some earlier text of this draft. */
  approvedBefore: boolean;
  onChange: (work: DraftWork) => void;
  onSent: () => void;
}

/**
 * Approval, export and "mark as sent". The engine is the judge of approval (the IC, or an
 * override with a reason); its refusal is shown as is.
 */
export function DraftSendBar({ incident, kind, work, approvalRequired, approved, approvedBefore, onChange, onSent }: Props) {
  const { busy, error, setError, run, after } = useCommand();
  const sending = useRef(false);
  const [exported, setExported] = useState<string | null>(null);
  const [overriding, setOverriding] = useState(false);
  const standing = approverStanding(incident, useOperatorName());
  const base = { incidentId: incident.id, kind, body: work.body };

  async function approve(overrideReason?: string) {
    const override = overrideReason === undefined ? {} : { override: { reason: overrideReason } };
    if (await run(() => api.call('update.approve', { ...base, draftId: work.draftId, ...override }))) setOverriding(false);
  }

  async function send() {
    if (sending.current) return;
    sending.current = true;
    // The approval's event can show "Approved" before the approving command has answered: a
    // send asked for then waits for that answer instead of being dropped by the busy form.
    await after();
    const done = await run(() => api.call('update.send', { ...base, draftId: work.draftId, channel: work.channel, recipients: work.recipients })).finally(() => {
      sending.current = false;
    });
    if (!done) return;
    dropDraftWork(draftKey(incident.id, kind));
    onSent();
  }

  async function exportAs(format: DraftFormat) {
    const file = await run(() => api.call('update.export', { ...base, format }));
    if (!file) return;
    saveText(file.content, file.fileName, file.mimeType);
    setExported(file.fileName);
  }

  async function copy() {
    if (await copyText(work.body)) setExported('clipboard');
    else setError('The clipboard refused; select the text and copy it by hand.');
  }

  // The approve chord does what the approve button does: approve as the IC, or open the override.
  const approveKey = !approvalRequired || approved || standing.kind === 'unknown' ? null : standing.kind === 'ic' ? () => void approve() : () => setOverriding(true);
  useDraftKeys({ approve: approveKey, send: () => void send() });

  const thisText = incident.approvals.findLast((a) => a.draftId === work.draftId && a.bodyHash === hashDraft(work.body.trim()));

  return (
    <div className="draft-send">
      <div className="draft-send-row">
        <label className="field">
          <span className="field-label">Channel</span>
          <input className="input" data-testid="draft-channel" value={work.channel} onChange={(e) => onChange({ ...work, channel: e.target.value })} />
        </label>
        <label className="field draft-recipients">
          <span className="field-label">Recipients</span>
          <input
            className="input"
            data-testid="draft-recipients"
            value={work.recipients}
            placeholder="e.g. #inc-checkout-eu, support leads"
            onChange={(e) => onChange({ ...work, recipients: e.target.value })}
          />
        </label>
      </div>
      {approvalRequired && overriding && !approved && standing.kind === 'not-ic' && (
        <OverrideBox ic={standing.ic} busy={busy} onApprove={(reason) => void approve(reason)} onCancel={() => setOverriding(false)} />
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="dialog-error">
          {error}
        </p>
      )}
      <div className="draft-actions">
        <div className="draft-export" role="group" aria-label="Export">
          <button type="button" className="btn btn-sm" data-testid="draft-copy" disabled={busy} onClick={() => void copy()}>
            Copy
          </button>
          {DRAFT_FORMATS.map((format) => (
            <button key={format} type="button" className="btn btn-sm" data-testid={`draft-export-${format}`} disabled={busy} onClick={() => void exportAs(format)}>
              {FORMAT_LABELS[format]}
            </button>
          ))}
          {exported && (
            <span className="draft-exported" data-testid="draft-exported">
              {exported === 'clipboard' ? 'Copied' : `Saved ${exported}`}
            </span>
          )}
        </div>
        <div className="draft-decide">
          {approvalRequired && (
            <>
              <ApprovalState standing={standing} approved={approved} approvedBefore={approvedBefore} overrideReason={thisText?.overrideReason ?? null} />
              {!(overriding && !approved) && (
                <ApproveButton standing={standing} approved={approved} busy={busy} onApprove={() => void approve()} onOverride={() => setOverriding(true)} />
              )}
            </>
          )}
          <Dialog.Close asChild>
            <button type="button" className="btn btn-quiet">
              Close
            </button>
          </Dialog.Close>
          <button type="button" className="btn btn-primary" data-testid="draft-send" aria-keyshortcuts={SUBMIT.aria} onClick={() => void send()}>
            Mark as sent <ChordHint chord={SUBMIT} />
          </button>
        </div>
      </div>
    </div>
  );
}
