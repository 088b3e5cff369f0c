import { type FormEvent, useState } from 'react';
import type { CommandInput } from '../../../shared/contract/contract';
import type { CommandError } from '../../../shared/contract/result';
import { ACTION_PRIORITIES, ACTION_STATUSES, type ActionItem, type ActionPriority, type ActionStatus } from '../../../shared/domain/incident';
import { isActionOverdue } from '../../../shared/domain/review/schedule';
import { api } from '../../api';
import { FieldStatus, Section } from './fields';
import { ACTION_STATUS_LABELS } from './labels';
import type { SaveState } from './save-status-store';
import { useAutosave } from './use-autosave';

type Change = Omit<CommandInput<'action.update'>, 'incidentId' | 'actionId'>;

/** Only web links leave the app (Electron hands them to the OS browser); anything else is shown, not linked. */
export const isWebLink = (link: string) => /^https?:\/\/[^\s]+$/i.test(link.trim());

interface Props {
  incidentId: string;
  items: ActionItem[];
  now: number;
}

export function ActionItems({ incidentId, items, now }: Props) {
  const open = items.filter((a) => a.status === 'open' || a.status === 'in-progress').length;
  const overdue = items.filter((a) => isActionOverdue(a, now)).length;
  return (
    <Section
      title="Action items"
      testId="pm-actions"
      hint={
        items.length ? (
          <>
            {open} open of {items.length}
            {overdue > 0 && <span className="pm-overdue-count"> · {overdue} overdue</span>}
          </>
        ) : undefined
      }
    >
      {items.length > 0 && (
        <ul className="actions">
          {items.map((item) => (
            <ActionRow key={item.id} incidentId={incidentId} item={item} now={now} />
          ))}
        </ul>
      )}
      <AddAction incidentId={incidentId} />
    </Section>
  );
}

function useActionField<K extends keyof Change & keyof ActionItem>(incidentId: string, item: ActionItem, field: K, label: string) {
  return useAutosave<ActionItem[K]>({
    saveKey: `${incidentId}:action:${item.id}:${field}`,
    label: `Action item ${label}`,
    value: item[field],
    save: (value) => api.call('action.update', { incidentId, actionId: item.id, [field]: value } as CommandInput<'action.update'>),
  });
}

function ActionRow({ incidentId, item, now }: { incidentId: string; item: ActionItem; now: number }) {
  const title = useActionField(incidentId, item, 'title', 'title');
  const owner = useActionField(incidentId, item, 'owner', 'owner');
  const due = useActionField(incidentId, item, 'dueDate', 'due date');
  const priority = useActionField(incidentId, item, 'priority', 'priority');
  const status = useActionField(incidentId, item, 'status', 'status');
  const link = useActionField(incidentId, item, 'link', 'link');
  const overdue = isActionOverdue(item, now);
  const finished = item.status === 'done' || item.status === 'wont-do';
  const firstProblem = [title, owner, due, priority, status, link].map((f) => f.status).find((s): s is SaveState => s?.state === 'error') ?? null;
  const saving = [title, owner, due, priority, status, link].some((f) => f.status?.state === 'saving');

  return (
    <li
      className={`action prio-${item.priority.toLowerCase()}${finished ? ' is-finished' : ''}${overdue ? ' is-overdue' : ''}`}
      data-testid="action-item"
      data-action-id={item.id}
    >
      <div className="action-line">
        <select
          className={`input pm-select action-prio prio-select-${priority.draft.toLowerCase()}`}
          aria-label="Priority"
          data-testid="action-priority"
          value={priority.draft}
          onChange={(e) => priority.commit(e.target.value as ActionPriority)}
        >
          {ACTION_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <input
          className="input pm-input action-title"
          aria-label="Action"
          data-testid="action-title"
          value={title.draft}
          onChange={(e) => title.change(e.target.value)}
          {...title.focusProps}
        />
        <select
          className={`input pm-select action-status status-select-${status.draft}`}
          aria-label="Status"
          data-testid="action-status"
          value={status.draft}
          onChange={(e) => status.commit(e.target.value as ActionStatus)}
        >
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="action-line action-line-2">
        <label className="action-mini">
          <span>Owner</span>
          <input
            className="input pm-input"
            data-testid="action-owner"
            value={owner.draft}
            placeholder="Team or role"
            onChange={(e) => owner.change(e.target.value)}
            {...owner.focusProps}
          />
        </label>
        <label className="action-mini action-mini-due">
          <span>
            Due{overdue && <b className="action-overdue" data-testid="action-overdue"> overdue</b>}
          </span>
          <input
            type="date"
            className="input pm-input"
            data-testid="action-due"
            value={due.draft ?? ''}
            onChange={(e) => due.commit(e.target.value || null)}
          />
        </label>
        <label className="action-mini action-mini-link">
          <span>Link</span>
          <input
            className="input pm-input"
            data-testid="action-link"
            value={link.draft}
            placeholder="https://tracker/TICKET-1"
            onChange={(e) => link.change(e.target.value)}
            {...link.focusProps}
          />
        </label>
        {isWebLink(item.link) ? (
          <a className="btn btn-small action-open" href={item.link.trim()} target="_blank" rel="noopener noreferrer" data-testid="action-open-link" title={item.link}>
            Open ↗
          </a>
        ) : (
          <span className="btn btn-small action-open is-disabled" aria-hidden="true">
            Open ↗
          </span>
        )}
      </div>
      {(firstProblem || saving) && (
        <div className="action-status-line">
          <FieldStatus status={firstProblem ?? { state: 'saving' }} testId="action-error" />
        </div>
      )}
    </li>
  );
}

interface NewAction {
  title: string;
  owner: string;
  dueDate: string;
  priority: ActionPriority;
  link: string;
}

const EMPTY: NewAction = { title: '', owner: '', dueDate: '', priority: 'P2', link: '' };

function AddAction({ incidentId }: { incidentId: string }) {
  const [form, setForm] = useState<NewAction>(EMPTY);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof NewAction>(key: K, value: NewAction[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await api.call('action.add', { incidentId, ...form, dueDate: form.dueDate || null });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setForm(EMPTY);
  }

  return (
    <form className="action-add" onSubmit={submit} data-testid="action-add-form" noValidate>
      <div className="action-line">
        <select
          className={`input pm-select action-prio prio-select-${form.priority.toLowerCase()}`}
          aria-label="New action priority"
          data-testid="action-new-priority"
          value={form.priority}
          onChange={(e) => set('priority', e.target.value as ActionPriority)}
        >
          {ACTION_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <input
          className="input pm-input action-title"
          aria-label="New action"
          data-testid="action-new-title"
          value={form.title}
          placeholder="New action item: what will be done"
          onChange={(e) => set('title', e.target.value)}
        />
        <button type="submit" className="btn btn-primary btn-small" data-testid="action-add" disabled={busy}>
          Add
        </button>
      </div>
      <div className="action-line action-line-2">
        <label className="action-mini">
          <span>Owner</span>
          <input className="input pm-input" data-testid="action-new-owner" value={form.owner} placeholder="Team or role" onChange={(e) => set('owner', e.target.value)} />
        </label>
        <label className="action-mini action-mini-due">
          <span>Due</span>
          <input type="date" className="input pm-input" data-testid="action-new-due" value={form.dueDate} onChange={(e) => set('dueDate', e.target.value)} />
        </label>
        <label className="action-mini action-mini-link">
          <span>Link</span>
          <input className="input pm-input" data-testid="action-new-link" value={form.link} placeholder="https://…" onChange={(e) => set('link', e.target.value)} />
        </label>
      </div>
      {error && (
        <p className="form-error pm-form-error" role="alert" data-testid="action-add-error">
          {error.message}
        </p>
      )}
    </form>
  );
}
