import type { ReactNode } from 'react';
import type { CommandInput } from '../../../shared/contract/contract';
import type { PostMortem } from '../../../shared/domain/incident';
import { api } from '../../api';
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

interface TextProps {
  incidentId: string;
  postmortem: PostMortem;
  field: Extract<PatchField, 'summary' | 'impactUsers' | 'impactServices' | 'slaBreach' | 'rootCause' | 'wentWell' | 'couldImprove'>;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
}

/** A labelled text field of the post-mortem, with its own save state under it. */
export function PostmortemText({ incidentId, postmortem, field, label, placeholder, multiline = false, rows = 3 }: TextProps) {
  const edit = usePostmortemField(incidentId, postmortem, field, label);
  const common = {
    className: `input pm-input${edit.status?.state === 'error' ? ' has-error' : ''}`,
    value: edit.draft,
    placeholder,
    'aria-label': label,
    'data-testid': `pm-${field}`,
    onChange: (e: { target: { value: string } }) => edit.change(e.target.value),
    ...edit.focusProps,
  };
  return (
    <label className="pm-field">
      <span className="pm-field-head">
        <span className="pm-label">{label}</span>
        <FieldStatus status={edit.status} testId={`pm-${field}-error`} />
      </span>
      {multiline ? <textarea dir="auto" rows={rows} {...common} /> : <input {...common} />}
    </label>
  );
}
