import { LIMITS } from '../../../../shared/contract/limits';
import type { IncidentView } from '../../../../shared/contract/contract';
import { nextUpdateDue } from '../../../../shared/domain/deadlines';
import { formatClock } from '../../../../shared/domain/drafts/values';
import { ROLE_LABELS, type RoleKey } from '../../../../shared/domain/incident';
import { STATUS_LABELS } from '../../../../shared/domain/lifecycle';
import { api } from '../../../api';
import { hasStrings, isRecord } from '../../../lib/saved-forms';
import { currentZone } from '../../../lib/zone';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { PersonPicker, type PersonValue } from '../PersonPicker';
import { useCommand } from '../use-command';
import { useSavedForm } from '../use-saved-form';

interface Props {
  incident: IncidentView;
  role: RoleKey;
  onClose: () => void;
}

interface Briefing {
  situation: string;
  actions: string;
  decisions: string;
  nextUpdate: string;
}

/** A starting point the outgoing holder corrects, in the spirit of the ICS-201 briefing. */
function draftBriefing(incident: IncidentView): Briefing {
  const working = incident.workstreams.filter((w) => w.status !== 'done');
  const due = nextUpdateDue(incident, 'internal');
  return {
    situation: `${incident.severity}, ${STATUS_LABELS[incident.status].toLowerCase()}. ${incident.summary}`.trim(),
    actions: working.map((w) => `${w.title}${w.owner ? ` (${w.owner})` : ''}${w.status === 'blocked' ? ' [blocked]' : ''}: ${w.nextStep || 'no next step'}`).join('; '),
    decisions: '',
    nextUpdate: due === null ? '' : `Internal update due ${formatClock(due, currentZone())}`,
  };
}

interface HandoffForm {
  person: PersonValue;
  briefing: Briefing;
}

function isHandoffForm(value: unknown): value is HandoffForm {
  return (
    isRecord(value) &&
    isRecord(value.person) &&
    hasStrings(value.person, ['name', 'contact']) &&
    isRecord(value.briefing) &&
    hasStrings(value.briefing, ['situation', 'actions', 'decisions', 'nextUpdate'])
  );
}

/** Handing a held role to someone else, with the briefing that goes on the timeline. */
export function HandoffDialog({ incident, role, onClose }: Props) {
  const holder = incident.roles[role];
  const form = useSavedForm(incident.id, `handoff.${role}`, isHandoffForm, () => ({ person: { name: '', contact: '' }, briefing: draftBriefing(incident) }));
  const { person, briefing } = form.value;
  const setPerson = (next: PersonValue) => form.set((f) => ({ ...f, person: next }));
  const { busy, error, run } = useCommand();
  const edit = (key: keyof Briefing) => (e: { target: { value: string } }) => form.set((f) => ({ ...f, briefing: { ...f.briefing, [key]: e.target.value } }));

  async function submit() {
    const done = await run(() =>
      api.call('role.handoff', { incidentId: incident.id, role, name: person.name, contact: person.contact, briefing }),
    );
    if (!done) return;
    form.discard();
    onClose();
  }

  return (
    <FormDialog
      title={`Hand off ${ROLE_LABELS[role].toLowerCase()}`}
      description={holder ? `From ${holder.name}. The briefing goes on the timeline so the next person starts where you are.` : 'Nobody holds this role.'}
      testId="handoff-dialog"
      submitLabel="Hand off"
      canSubmit={person.name.trim() !== ''}
      busy={busy}
      error={error}
      size="wide"
      onSubmit={submit}
      onClose={onClose}
      onDiscard={form.discard}
    >
      <div className="handoff-grid">
        <div className="handoff-col">
          <PersonPicker value={person} onChange={setPerson} role={role} exclude={holder ? [holder.name] : []} autoFocus nameLabel="To" />
        </div>
        <div className="handoff-col">
          <span className="field-label">Briefing</span>
          <Field label="Situation" max={LIMITS.summary} value={briefing.situation}>
            <textarea dir="auto" className="input" data-testid="briefing-situation" rows={3} value={briefing.situation} onChange={edit('situation')} />
          </Field>
          <Field label="Actions under way" max={LIMITS.summary} value={briefing.actions}>
            <textarea dir="auto" className="input" data-testid="briefing-actions" rows={3} value={briefing.actions} onChange={edit('actions')} />
          </Field>
          <Field label="Open decisions" max={LIMITS.summary} value={briefing.decisions}>
            <textarea dir="auto"
              className="input"
              data-testid="briefing-decisions"
              rows={2}
              value={briefing.decisions}
              placeholder="e.g. Whether to roll back us-east-1 before the US peak"
              onChange={edit('decisions')}
            />
          </Field>
          <Field label="Next update due" max={LIMITS.name} value={briefing.nextUpdate}>
            <input className="input" data-testid="briefing-next" value={briefing.nextUpdate} onChange={edit('nextUpdate')} />
          </Field>
        </div>
      </div>
    </FormDialog>
  );
}
