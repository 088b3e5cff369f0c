import { type ReactNode, useId, useRef } from 'react';
import type { CommandInput } from '../../../shared/contract/contract';
import type { ArtefactRecord, PostMortem } from '../../../shared/domain/incident';
import { artefactToken, PLACEABLE_SECTIONS, type PlaceableSection } from '../../../shared/domain/review/artefact-placement';
import { api } from '../../api';
import { InsertArtefact } from './InsertArtefact';
import { PlacedArtefacts } from './PlacedArtefacts';
import type { SaveState } from './save-status-store';
import { type Autosave, sameJson, useAutosave } from './use-autosave';

type Patch = Omit<CommandInput<'postmortem.update'>, 'incidentId'>;
export type PatchField = Exclude<keyof Patch, 'timelineEdit'> & keyof PostMortem;

export function savePostmortem(incidentId: string, patch: Patch) {
  return api.call('postmortem.update', { incidentId, ...patch });
}

/** One field of the post-mortem, saved with `postmortem.update` as the author types. */
export function usePostmortemField<K extends PatchField>(incidentId: string, postmortem: PostMortem, field: K, label: string): Autosave<PostMortem[K]> {
  return useAutosave<PostMortem[K]>({
    saveKey: `${incidentId}:${field}`,
    label,
    value: postmortem[field],
    save: (value) => savePostmortem(incidentId, { [field]: value } as Patch),
    equals: sameJson,
  });
}

/** Beside a field's label: saving, saved, or why not. */
export function FieldStatus({ status, testId }: { status: SaveState | null; testId?: string }) {
  if (!status) return null;
  if (status.state === 'saving') return <span className="field-status is-saving">Saving…</span>;
  if (status.state === 'saved') return <span className="field-status is-saved">Saved</span>;
  return (
    <span className="field-status is-error" role="alert" data-testid={testId}>
      Not saved: {status.error.message}
    </span>
  );
}

interface SectionProps {
  title: string;
  hint?: ReactNode;
  status?: SaveState | null;
  statusTestId?: string;
  children: ReactNode;
  className?: string;
  testId?: string;
  aside?: ReactNode;
}

/** A titled block of the written review. */
export function Section({ title, hint, status = null, statusTestId, children, className = '', testId, aside }: SectionProps) {
  return (
    <section className={`pm-section ${className}`} data-testid={testId}>
      <header className="pm-section-head">
        <h2 className="pm-section-title">{title}</h2>
        {hint && <span className="pm-section-hint">{hint}</span>}
        <span className="pm-section-aside">
          <FieldStatus status={status} testId={statusTestId} />
          {aside}
        </span>
      </header>
      {children}
    </section>
  );
}

/** The incident's files a prose field may place, and where each is placed already. */
export interface Placing {
  placeable: ReadonlyMap<string, ArtefactRecord>;
  placed: ReadonlyMap<string, PlaceableSection>;
}

interface TextProps {
  incidentId: string;
  postmortem: PostMortem;
  field: Extract<PatchField, 'summary' | 'impactUsers' | 'impactServices' | 'slaBreach' | 'rootCause' | 'wentWell' | 'couldImprove'>;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  /** On a prose field: an "Insert artefact" control, and the placed files shown under the text. */
  placing?: Placing;
}

const isPlaceable = (field: string): field is PlaceableSection => (PLACEABLE_SECTIONS as readonly string[]).includes(field);

/** A labelled text field of the post-mortem, with its own save state under it. */
export function PostmortemText({ incidentId, postmortem, field, label, placeholder, multiline = false, rows = 3, placing }: TextProps) {
  const edit = usePostmortemField(incidentId, postmortem, field, label);
  const id = useId();
  const box = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  // Where the cursor was when the author last left the text: the insert menu takes the focus.
  const cursor = useRef<{ start: number; end: number } | null>(null);
  const caretAfterInsert = useRef<number | null>(null);
  const common = {
    id,
    ref: box,
    className: `input pm-input${edit.status?.state === 'error' ? ' has-error' : ''}`,
    value: edit.draft,
    placeholder,
    'aria-label': label,
    'data-testid': `pm-${field}`,
    onChange: (e: { target: { value: string } }) => edit.change(e.target.value),
    onSelect: (e: { currentTarget: HTMLTextAreaElement | HTMLInputElement }) => {
      cursor.current = { start: e.currentTarget.selectionStart ?? 0, end: e.currentTarget.selectionEnd ?? 0 };
    },
    ...edit.focusProps,
  };
  const placeHere = placing && multiline && isPlaceable(field);

  // The token on a line of its own, as the export shows it: a figure between paragraphs.
  const insert = (artefact: ArtefactRecord) => {
    const text = edit.draft;
    const { start, end } = cursor.current ?? { start: text.length, end: text.length };
    const before = text.slice(0, Math.min(start, text.length));
    const after = text.slice(Math.min(end, text.length));
    const head = `${before}${before && !before.endsWith('\n') ? '\n' : ''}${artefactToken(artefact.id)}`;
    const next = `${head}${after && !after.startsWith('\n') ? '\n' : ''}${after}`;
    caretAfterInsert.current = head.length;
    cursor.current = { start: head.length, end: head.length };
    edit.commit(next);
  };
  const backToText = () => {
    const caret = caretAfterInsert.current;
    caretAfterInsert.current = null;
    box.current?.focus();
    if (caret !== null) box.current?.setSelectionRange(caret, caret);
  };

  return (
    <div className="pm-field">
      <span className="pm-field-head">
        <label className="pm-label" htmlFor={id}>
          {label}
        </label>
        <FieldStatus status={edit.status} testId={`pm-${field}-error`} />
        {placeHere && (
          <InsertArtefact
            incidentId={incidentId}
            fieldLabel={label}
            artefacts={[...placing.placeable.values()]}
            placed={placing.placed}
            onPick={insert}
            onClosed={backToText}
            testId={`pm-${field}-insert`}
          />
        )}
      </span>
      {multiline ? <textarea dir="auto" rows={rows} {...common} /> : <input {...common} />}
      {placeHere && <PlacedArtefacts incidentId={incidentId} text={edit.draft} placeable={placing.placeable} testId={`pm-${field}-placed`} />}
    </div>
  );
}
