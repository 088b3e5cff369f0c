import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { LIMITS } from '../../shared/contract/limits';
import type { Result } from '../../shared/contract/result';
import { ENTRY_KINDS, isScribeKind } from '../../shared/domain/incident';
import { api } from '../api';
import { entryTextFor, type PendingFile } from '../lib/artefact-paste';
import type { EntryLine } from '../lib/artefact-send';
import { loadDraft, saveDraft } from '../lib/drafts';
import { nowOn } from '../lib/incident-now';
import { plainMessage } from '../lib/plain-error';
import { KIND_LABELS } from '../lib/labels';
import { useTimeZone } from '../lib/zone';
import { pendingFor, removePending, setRefusal, usePending, useRefusal } from '../store/attachment-store';
import { useOpenIncident } from '../store/open-incident-store';
import { logWithFiles } from './artefacts/log-with-files';
import { PendingChips } from './artefacts/PendingChips';
import { useScribeFiles } from './artefacts/use-scribe-files';
import { describeReading, readEntry, type ScribeKind, wrapWarning } from './entry-preview';
import { EntryFoot } from './EntryFoot';
import { EntrySplitOffer } from './EntrySplitOffer';
import { LengthCounter } from './LengthCounter';
import { logInParts, planParts, type PartsPlan } from './log-in-parts';
import { useFocusShortcut } from './use-focus-shortcut';
import { useLengthGuard } from './use-length-guard';
import './EntryBox.css';

const SCRIBE_KINDS = ENTRY_KINDS.filter(isScribeKind);

interface Props {
  incidentId: string;
  /** Names an `@mention` may resolve to. */
  people: string[];
  /** The workstream selected on the board: new lines are logged against it. */
  workstream: { id: string; title: string } | null;
  onUnlinkWorkstream: () => void;
}

/**
 * The scribe's line. Enter logs it; the box empties only once the engine has it, and the
 * unsent text is kept per incident so a reload or a crash of the page does not lose it.
 */
export function EntryBox({ incidentId, people, workstream, onUnlinkWorkstream }: Props) {
  const [text, setText] = useState(() => loadDraft(incidentId));
  const [kind, setKind] = useState<ScribeKind>('note');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // The text a `//` warning was shown for: the next Enter on the same text logs it as typed.
  const [confirming, setConfirming] = useState<string | null>(null);
  // Typing past the limit, refused in words; a long paste is kept and offered in parts instead.
  const [limitNote, setLimitNote] = useState<string | null>(null);
  const [partsLogged, setPartsLogged] = useState<number | null>(null);
  /** A line whose time wrapped far back to yesterday, waiting for a second Enter. */
  const [armed, setArmed] = useState<{ text: string; warning: string } | null>(null);
  const zone = useTimeZone();
  const pending = usePending(incidentId);
  const refusal = useRefusal(incidentId);
  const files = useScribeFiles(incidentId);
  const current = useRef(text);
  const box = useRef<HTMLTextAreaElement>(null);
  useFocusShortcut(box);
  useLengthGuard(box, {
    max: LIMITS.entryText,
    label: 'An entry',
    onRefuse: (message) => setLimitNote(`${message} Log this one and go on in the next; a longer paste is offered in parts.`),
    keepLongPaste: true,
  });

  const change = (value: string) => {
    current.current = value;
    setText(value);
    setLimitNote(null);
    saveDraft(incidentId, value);
  };

  async function log() {
    const sent = current.current;
    const withFiles = pendingFor(incidentId);
    if (sending || (sent.trim() === '' && withFiles.length === 0)) return;
    const workstreamId = workstream?.id ?? null;
    if (sent.trim() === '') {
      await logFiles(sent, withFiles, { text: entryTextFor('', withFiles), kind, attribution: null, workstreamId });
      return;
    }
    const at = nowOn(useOpenIncident.getState().incident);
    const entry = readEntry(sent, kind, people, at, zone);
    // With files, prefixes alone are a line: the engine names the entry after the first file.
    if ((entry.text === '' && withFiles.length === 0) || entry.refusal) {
      setError(entry.refusal ?? entry.hints[0] ?? 'Type the entry after the prefixes.');
      return;
    }
    // Filed only once the scribe has seen the day it lands on.
    const warning = wrapWarning(entry, at, zone);
    if (warning && armed?.text !== sent) {
      setArmed({ text: sent, warning });
      return;
    }
    setArmed(null);
    if (entry.warning && confirming !== sent) {
      setConfirming(sent);
      return;
    }
    setConfirming(null);
    const line = { kind: entry.kind, attribution: entry.attribution, workstreamId, ...(entry.occurredAt === null ? {} : { occurredAt: entry.occurredAt }) };
    if (withFiles.length > 0) {
      await logFiles(sent, withFiles, { ...line, text: entry.text || entryTextFor('', withFiles) });
      return;
    }
    const logText = (text: string) => api.call('timeline.log', { incidentId, text, ...line });
    const plan = planParts(sent, entry, LIMITS.entryText);
    if (plan) {
      await logParts(sent, plan, logText);
      return;
    }
    setSending(true);
    const result = await logText(entry.text);
    setSending(false);
    if (!result.ok) {
      setError(plainMessage(result.error));
      return;
    }
    setError(null);
    setKind('note');
    // Anything typed while the line was on its way stays in the box.
    const now = current.current;
    change(now.startsWith(sent) ? now.slice(sent.length).trimStart() : now);
  }

  /** The line and its files as one entry, prefixes and all (the engine logs it with the first file). */
  async function logFiles(sent: string, withFiles: readonly PendingFile[], line: EntryLine) {
    setError(null);
    setSending(true);
    const outcome = await logWithFiles(incidentId, withFiles, line);
    setSending(false);
    if (outcome === 'refused') return;
    setKind('note');
    const now = current.current;
    change(now.startsWith(sent) ? now.slice(sent.length).trimStart() : now);
  }

  /** A snippet back in the box as text, where a long one is offered in parts. */
  const snippetAsText = (file: PendingFile) => {
    removePending(incidentId, [file.key]);
    setRefusal(incidentId, null);
    const before = current.current;
    change(`${before}${before === '' || /\s$/.test(before) ? '' : '\n'}${file.snippet ?? ''}`);
    box.current?.focus();
  };

  async function logParts(sent: string, plan: PartsPlan, logText: (line: string) => Promise<Result<unknown>>) {
    setSending(true);
    setPartsLogged(0);
    const outcome = await logInParts(plan, logText, setPartsLogged);
    setSending(false);
    setPartsLogged(null);
    setKind('note');
    // What was not logged goes back in the box, with the prefixes, so nothing is lost or doubled.
    const now = current.current;
    const typedSince = now.startsWith(sent) ? now.slice(sent.length).trimStart() : '';
    change(outcome.error === null ? typedSince : outcome.rest);
    setError(outcome.error === null ? null : `Logged ${outcome.logged} of ${plan.parts.length} parts; the rest is back in the box. ${outcome.error}`);
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void log();
    } else if (event.key === 'Escape') {
      box.current?.blur();
    }
  };

  const now = nowOn(useOpenIncident.getState().incident);
  const parsed = useMemo(() => (text.trim() === '' ? null : readEntry(text, kind, people, now, zone)), [text, kind, people, zone, Math.floor(now / 30_000)]);
  const reading = parsed ? describeReading(parsed, kind, now, zone) : null;
  const plan = useMemo(() => (parsed ? planParts(text, parsed, LIMITS.entryText) : null), [text, parsed]);
  return (
    <div className={`entry-box${error || refusal ? ' has-error' : ''}${files.dropping ? ' is-dropping' : ''}`} data-testid="entry-box" {...files.dropTarget}>
      <PendingChips pending={pending} onRemove={(key) => {
          removePending(incidentId, [key]);
          setRefusal(incidentId, null);
        }} onAsText={snippetAsText} />
      <div className="entry-row">
        <select
          className="entry-kind"
          aria-label="Entry type"
          data-testid="entry-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ScribeKind)}
        >
          {SCRIBE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        {workstream && (
          <span className="entry-ws" data-testid="entry-workstream" title="New lines are logged against this workstream">
            <span className="entry-ws-label">↳ {workstream.title}</span>
            <button type="button" className="entry-ws-clear" aria-label="Stop logging against this workstream" onClick={onUnlinkWorkstream}>
              ✕
            </button>
          </span>
        )}
        <textarea
          ref={box}
          className="entry-input"
          data-testid="entry-input"
          aria-label="Log an entry"
          dir="auto"
          rows={1}
          autoFocus
          value={text}
          placeholder="Log what happened, what was decided, what is next…"
          onChange={(e) => change(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={files.onPaste}
        />
        <button
          type="button"
          className="btn btn-primary entry-send"
          onClick={() => void log()}
          disabled={sending || (text.trim() === '' && pending.length === 0)}
        >
          Log
        </button>
      </div>
      {refusal && (
        <p className="af-refusal" role="alert" data-testid="attach-refusal">
          {refusal}
        </p>
      )}
      {plan ? (
        <EntrySplitOffer plan={plan} length={parsed?.text.length ?? 0} max={LIMITS.entryText} progress={partsLogged} error={error} summary={reading?.summary ?? null} onAccept={() => void log()} />
      ) : (
        <EntryFoot
          error={error}
          reading={reading}
          confirm={armed?.text === text ? armed.warning : null}
          confirmAsTyped={confirming !== null && confirming === text}
          limit={limitNote}
          counter={<LengthCounter length={text.length} max={LIMITS.entryText} />}
        />
      )}
    </div>
  );
}
