import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import type { IncidentView } from '../../../../shared/contract/contract';
import { LIMITS } from '../../../../shared/contract/limits';
import { nextUpdateDue } from '../../../../shared/domain/deadlines';
import { hashDraft } from '../../../../shared/domain/drafts/export';
import { AUDIENCE_OF, type DraftExtras } from '../../../../shared/domain/drafts/values';
import type { DraftKind } from '../../../../shared/domain/incident';
import { formatSpan } from '../../../../shared/domain/clocks';
import { formatClock } from '../../../lib/time';
import { useIncidentNow } from '../../../lib/incident-now';
import { type DraftWork, draftKey, saveDraftWork, useDrafts } from '../../../store/draft-store';
import { refreshSettings, useWarRoomSettings } from '../../../store/settings-snapshot';
import { returnFocus } from '../../focus-return';
import { Field } from '../Field';
import { AUDIENCE_LABELS, DRAFT_LABELS } from '../labels';
import { composeWork, EXTRA_LABELS, EXTRAS_FOR, freshWork } from './draft-work';
import { DraftSendBar } from './DraftSendBar';
import { PublicImpactField } from './PublicImpactField';
import { DraftText } from './DraftText';

interface Props {
  incident: IncidentView;
  kind: DraftKind;
  onClose: () => void;
}

/**
 * An update drafted from live state with the saved template. What is typed is kept in a
 * store until the update is logged as sent: closing the dialog or a refusal loses nothing.
 */
export function DraftDialog({ incident, kind, onClose }: Props) {
  const key = draftKey(incident.id, kind);
  const settings = useWarRoomSettings();
  const work = useDrafts((s) => s.drafts[key]);

  useEffect(() => {
    if (!useDrafts.getState().drafts[key]) saveDraftWork(key, freshWork(incident, kind, settings));
    // The saved template may have changed since; an untouched body follows it.
    void refreshSettings().then((latest) => {
      const current = useDrafts.getState().drafts[key];
      if (current && !current.bodyEdited && !incident.approvals.some((a) => a.draftId === current.draftId)) {
        saveDraftWork(key, composeWork(incident, kind, latest, current));
      }
    });
    // Opening is the moment to read: later state flows in only through "Refill".
  }, [key]);

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog wr-dialog wr-dialog-draft"
          data-testid="draft-dialog"
          data-kind={kind}
          onCloseAutoFocus={returnFocus}
        >
          {work ? (
            <DraftForm incident={incident} kind={kind} work={work} onChange={(w) => saveDraftWork(key, w)} onSent={onClose} />
          ) : (
            <Dialog.Title className="dialog-title">{DRAFT_LABELS[kind]}</Dialog.Title>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface FormProps {
  incident: IncidentView;
  kind: DraftKind;
  work: DraftWork;
  onChange: (work: DraftWork) => void;
  onSent: () => void;
}

function DraftForm({ incident, kind, work, onChange, onSent }: FormProps) {
  const settings = useWarRoomSettings();
  const [moreFields, setMoreFields] = useState(false);
  const now = useIncidentNow(incident);
  const audience = AUDIENCE_OF[kind];
  const due = nextUpdateDue(incident, audience);
  const sentBefore = incident.updates.filter((u) => u.audience === audience).length;
  const shown = EXTRAS_FOR[kind];
  const others = (Object.keys(EXTRA_LABELS) as (keyof DraftExtras)[]).filter((k) => !shown.includes(k));

  const setExtra = (name: keyof DraftExtras, value: string) => {
    const next = { ...work, extras: { ...work.extras, [name]: value } };
    onChange(next.bodyEdited ? next : composeWork(incident, kind, settings, next));
  };
  const refill = () => onChange(composeWork(incident, kind, settings, work));

  const approvals = incident.approvals.filter((a) => a.draftId === work.draftId);
  const approved = approvals.some((a) => a.bodyHash === hashDraft(work.body.trim()));

  const extraField = (name: keyof DraftExtras) => (
    <Field key={name} label={EXTRA_LABELS[name].label} max={LIMITS.summary} value={work.extras[name] ?? ''}>
      <input
        className="input"
        data-testid={`extra-${name}`}
        value={work.extras[name] ?? ''}
        placeholder={EXTRA_LABELS[name].placeholder}
        onChange={(e) => setExtra(name, e.target.value)}
      />
    </Field>
  );

  return (
    <>
      <div className="draft-head">
        <Dialog.Title className="dialog-title">{DRAFT_LABELS[kind]}</Dialog.Title>
        <span className="draft-meta" data-testid="draft-meta">
          {AUDIENCE_LABELS[audience]} audience · update #{sentBefore + 1}
          {due !== null && (
            <span className={now >= due ? 'draft-due is-overdue' : 'draft-due'}>
              {' '}
              · {now >= due ? `overdue by ${formatSpan(now - due)}` : `due ${formatClock(due)} (in ${formatSpan(due - now)})`}
            </span>
          )}
        </span>
      </div>
      <Dialog.Description className="dialog-description">
        Pre-filled from the incident as it is now. Edit freely; {settings.approvalRequired[kind] ? 'the IC approves the exact text before it is sent.' : 'mark it sent once posted.'}
      </Dialog.Description>
      <div className="draft-grid">
        <div className="draft-fields">
          {audience === 'external' && (
            <PublicImpactField incident={incident} onSaved={(next) => !work.bodyEdited && onChange(composeWork(next, kind, settings, work))} />
          )}
          {shown.map(extraField)}
          <button type="button" className="link-button" aria-expanded={moreFields} onClick={() => setMoreFields((v) => !v)}>
            {moreFields ? 'Fewer fields' : `More fields (${others.length})`}
          </button>
          {moreFields && others.map(extraField)}
        </div>
        <div className="draft-body">
          <div className="draft-body-head">
            <span className="field-label">Text</span>
            {work.bodyEdited && <span className="draft-edited">edited by hand — fields no longer rewrite it</span>}
            <button type="button" className="btn btn-sm" data-testid="draft-refill" onClick={refill}>
              Refill from live state
            </button>
            <button
              type="button"
              className="btn btn-sm btn-quiet draft-discard"
              data-testid="draft-discard"
              title="Throws this draft away, fields and approval included, and starts afresh"
              onClick={() => onChange(freshWork(incident, kind, settings))}
            >
              Discard draft
            </button>
          </div>
          {work.problems.length > 0 && (
            <div role="status">
              <ul className="template-problems" data-testid="template-problems">
                {work.problems.map((p, i) => (
                  <li key={i}>Template: {p.message}</li>
                ))}
              </ul>
            </div>
          )}
          <DraftText value={work.body} onChange={(body) => onChange({ ...work, body, bodyEdited: true })} />
        </div>
      </div>
      <DraftSendBar
        incident={incident}
        kind={kind}
        work={work}
        approvalRequired={settings.approvalRequired[kind]}
        approved={approved}
        approvedBefore={approvals.length > 0}
        onChange={onChange}
        onSent={onSent}
      />
    </>
  );
}
