import { type KeyboardEvent, useRef, useState } from 'react';
import { ENTRY_KINDS } from '../../shared/domain/incident';
import { api } from '../api';
import { loadDraft, saveDraft } from '../lib/drafts';
import { KIND_LABELS } from '../lib/labels';
import { useTimeZone } from '../lib/zone';
import { describeReading, readEntry, type ScribeKind, wrapWarning } from './entry-preview';
import { EntryFoot } from './EntryFoot';
import { useFocusShortcut } from './use-focus-shortcut';
import './EntryBox.css';

const SCRIBE_KINDS = ENTRY_KINDS.filter((k): k is ScribeKind => k !== 'system');

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
  /** A line whose time wrapped far back to yesterday, waiting for a second Enter. */
  const [armed, setArmed] = useState<{ text: string; warning: string } | null>(null);
  const zone = useTimeZone();
  const current = useRef(text);
  const box = useRef<HTMLTextAreaElement>(null);
  useFocusShortcut(box);

  const change = (value: string) => {
    current.current = value;
    setText(value);
    saveDraft(incidentId, value);
  };

  async function log() {
    const sent = current.current;
    if (sending || sent.trim() === '') return;
    const at = Date.now();
    const entry = readEntry(sent, kind, people, at, zone);
    if (entry.text === '' || entry.refusal) {
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
    setSending(true);
    const result = await api.call('timeline.log', {
      incidentId,
      text: entry.text,
      kind: entry.kind,
      attribution: entry.attribution,
      workstreamId: workstream?.id ?? null,
      ...(entry.occurredAt === null ? {} : { occurredAt: entry.occurredAt }),
    });
    setSending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setKind('note');
    // Anything typed while the line was on its way stays in the box.
    const now = current.current;
    change(now.startsWith(sent) ? now.slice(sent.length).trimStart() : now);
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void log();
    } else if (event.key === 'Escape') {
      box.current?.blur();
    }
  };

  const now = Date.now();
  const reading = text.trim() === '' ? null : describeReading(readEntry(text, kind, people, now, zone), kind, now, zone);
  return (
    <div className={`entry-box${error ? ' has-error' : ''}`}>
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
        />
        <button
          type="button"
          className="btn btn-primary entry-send"
          onClick={() => void log()}
          disabled={sending || text.trim() === ''}
        >
          Log
        </button>
      </div>
      <EntryFoot error={error} reading={reading} confirm={armed?.text === text ? armed.warning : null} />
    </div>
  );
}
