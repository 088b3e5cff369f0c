import * as Dialog from '@radix-ui/react-dialog';
import { type FormEvent, useState } from 'react';
import type { CommandError } from '../../shared/contract/result';
import { api } from '../api';
import { scheduleIncidentListRefresh } from '../store/incident-list-store';
import { showIncident } from '../store/open-incident-sync';
import { selectIncident } from '../store/selection';
import { setDeclareOpen, useUi } from '../store/ui-store';
import { isKnownOperator } from '../../shared/domain/operator';
import { useOperatorName } from '../store/operator-store';
import { refreshSyncStatus, useSyncStatus } from '../store/sync-status-store';
import { ChoiceGroup } from './ChoiceGroup';
import { declareFormKeys } from './declare-keys';
import { ShareToggle } from './ShareToggle';
import { TakeIcToggle } from './TakeIcToggle';
import { DETECTION_CHOICES, EMPTY_DECLARE_FORM, SEVERITY_CHOICES, type DeclareFormValues } from './declare-form';
import './DeclareDialog.css';

/**
 * The form lives outside the dialog's content, so closing the dialog or a refusal from the
 * engine never throws away what was typed; only a successful declaration clears it.
 */
export function DeclareDialog() {
  const open = useUi((s) => s.declareOpen);
  const [form, setForm] = useState<DeclareFormValues>(EMPTY_DECLARE_FORM);
  const [error, setError] = useState<CommandError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Recorded as detected only: the on-call declares it or dismisses it later.
  const [detectOnly, setDetectOnly] = useState(false);
  // "I am the IC" is on unless unticked: a new incident has no IC, and the person declaring is the natural one.
  const [takeIc, setTakeIc] = useState(true);
  const operatorName = useOperatorName();
  // Shared by default while team sync is on; with sync off the choice does not exist.
  const syncStatus = useSyncStatus((s) => s.status);
  const syncOn = syncStatus !== null && syncStatus.state !== 'off';
  const [share, setShare] = useState(true);
  const update = <K extends keyof DeclareFormValues>(key: K, value: DeclareFormValues[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    const operatorIsIc = takeIc && isKnownOperator(operatorName);
    const sharing = syncOn ? { share } : {};
    const result = detectOnly
      ? await api.call('incident.detect', { ...form, ...sharing })
      : await api.call('incident.declare', { ...form, operatorIsIc, ...sharing });
    setSubmitting(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setForm(EMPTY_DECLARE_FORM);
    setDetectOnly(false);
    setTakeIc(true);
    setShare(true);
    setError(null);
    setDeclareOpen(false);
    showIncident(result.value);
    selectIncident(result.value.id);
    scheduleIncidentListRefresh();
    if (syncOn) void refreshSyncStatus();
  }

  return (
    <Dialog.Root open={open} onOpenChange={setDeclareOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog declare-dialog"
          data-testid="declare-dialog"
          onCloseAutoFocus={(event) => {
            // Back to the scribe's line rather than the button that opened the dialog.
            const entryBox = document.querySelector<HTMLElement>('[data-testid="entry-input"]');
            if (!entryBox) return;
            event.preventDefault();
            entryBox.focus();
          }}
        >
          <Dialog.Title className="dialog-title">Declare an incident</Dialog.Title>
          <Dialog.Description className="dialog-description">
            Declaring starts the clock and opens the timeline. Details can follow on the timeline.
          </Dialog.Description>
          <form
            className="declare-form"
            onSubmit={submit}
            noValidate
            onKeyDown={(e) => declareFormKeys(e, (severity) => update('severity', severity), () => void submit(e))}
          >
            <label className="field">
              <span className="field-label">Title</span>
              <input
                className="input input-title"
                data-testid="declare-title"
                autoFocus
                value={form.title}
                placeholder="Checkout failing for EU customers"
                onChange={(e) => update('title', e.target.value)}
              />
            </label>
            <ChoiceGroup
              name="severity"
              legend="Severity · keys 1–4"
              choices={SEVERITY_CHOICES}
              value={form.severity}
              onChange={(v) => update('severity', v)}
            />
            <ChoiceGroup
              name="detectionSource"
              legend="Detected by"
              choices={DETECTION_CHOICES}
              value={form.detectionSource}
              onChange={(v) => update('detectionSource', v)}
            />
            <label className="field">
              <span className="field-label">What is known</span>
              <textarea dir="auto"
                className="input input-summary"
                data-testid="declare-summary"
                rows={4}
                value={form.summary}
                placeholder="Symptoms, scope, first signals, who is on it."
                onChange={(e) => update('summary', e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
                }}
              />
            </label>
            {!detectOnly && <TakeIcToggle operatorName={operatorName} checked={takeIc} onChange={setTakeIc} />}
            {syncOn && <ShareToggle status={syncStatus} checked={share} onChange={setShare} />}
            <label className="declare-detect">
              <input type="checkbox" data-testid="declare-detect-only" checked={detectOnly} onChange={(e) => setDetectOnly(e.target.checked)} />
              <span>
                Detected only, not declared yet
                <small>Recorded without cadence or escalation; declare it or dismiss it from its screen.</small>
              </span>
            </label>
            {error && (
              <p className="form-error" role="alert" data-testid="declare-error">
                {error.message}
              </p>
            )}
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="btn btn-quiet">
                  Cancel
                </button>
              </Dialog.Close>
              <button type="submit" className="btn btn-danger" data-testid="declare-submit" disabled={submitting}>
                {submitting ? 'Saving…' : detectOnly ? 'Record detection' : `Declare ${form.severity}`}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
