import type { IncidentView } from '../../../shared/contract/contract';
import { DRAFT_KINDS, ROLE_KEYS, ROLE_LABELS, type RoleKey } from '../../../shared/domain/incident';
import { checkMove, STATUS_LABELS } from '../../../shared/domain/lifecycle';
import { STATUSES } from '../../../shared/domain/incident';
import { api } from '../../api';
import { pageUnanswered } from '../../lib/escalation-view';
import { openOperatorPrompt } from '../../store/operator-store';
import { paletteSteps } from '../guidance/palette-steps';
import { rankActions } from '../../lib/palette-rank';
import type { View } from '../../store/route-store';
import { navigate } from '../../store/selection';
import { openDeclareDialog } from '../../store/ui-store';
import { clearFilter, openDialog, setFilter, showNotice, type WarRoomDialog } from '../../store/war-room-store';
import { requestEntryFocus } from './focus-entry';
import { DRAFT_LABELS } from './labels';
import { nowOn } from '../../lib/incident-now';

export interface PaletteAction {
  id: string;
  label: string;
  group: string;
  /** Extra words that should find it. */
  keywords?: string;
  /** The role it is about: found by `ic`, `tl`, `comms`… as in the scribe's box. */
  role?: RoleKey;
  run: () => void;
}

/** Everything the commander can do from the keyboard, for the incident on screen. */
export function paletteActions(incident: IncidentView | null, view: View): PaletteAction[] {
  const actions: PaletteAction[] = [
    { id: 'declare', label: 'Declare an incident…', group: 'Incident', keywords: 'new start detect', run: openDeclareDialog },
  ];
  if (incident) actions.push(...incidentActions(incident, view));
  actions.push(
    { id: 'switch-operator', label: 'Switch operator…', group: 'You', keywords: 'who am i sign in name shift handover identity', run: openOperatorPrompt },
    { id: 'go-metrics', label: 'Metrics across incidents', group: 'Go to', keywords: 'mtta mttr charts', run: () => navigate({ view: 'metrics', incidentId: null }) },
    { id: 'go-settings', label: 'Settings', group: 'Go to', keywords: 'roster templates policy cadence escalation', run: () => navigate({ view: 'settings', incidentId: null }) },
  );
  return actions;
}

function incidentActions(incident: IncidentView, view: View): PaletteAction[] {
  const id = incident.id;
  const inWarRoom = () => {
    if (view !== 'war-room') navigate({ view: 'war-room', incidentId: id });
  };
  const dialog = (d: WarRoomDialog) => () => {
    inWarRoom();
    openDialog(d);
  };
  const out: PaletteAction[] = [];
  const add = (a: PaletteAction) => out.push(a);
  const open = incident.status !== 'closed';


  add({
    id: 'log',
    label: 'Log an entry',
    group: 'Timeline',
    keywords: 'write note scribe focus',
    run: () => {
      inWarRoom();
      requestEntryFocus();
    },
  });

  if (incident.status === 'detected') {
    add({ id: 'promote', label: 'Declare this detection…', group: 'Incident', keywords: 'promote', run: dialog({ kind: 'promote' }) });
    add({ id: 'attach', label: 'Attach to an open incident…', group: 'Incident', keywords: 'merge join alerts', run: dialog({ kind: 'attach' }) });
    add({ id: 'dismiss', label: 'Dismiss: false alarm or resolved by on-call…', group: 'Incident', keywords: 'minor close', run: dialog({ kind: 'dismiss' }) });
  } else {
    if (open) add({ id: 'severity', label: `Change severity (now ${incident.severity})…`, group: 'Incident', keywords: 'sev escalate downgrade', run: dialog({ kind: 'severity' }) });
    for (const status of STATUSES) {
      const move = checkMove(incident.status, status);
      if (!move.ok) continue;
      add({
        id: `status-${status}`,
        label: move.reopen ? 'Reopen the incident…' : `Mark ${STATUS_LABELS[status].toLowerCase()}…`,
        group: 'Status',
        keywords: `status move ${status}`,
        run: dialog({ kind: 'status', to: status }),
      });
    }
  }
  add({ id: 'times', label: 'Milestones: backfill impact start, detection, acknowledgement…', group: 'Incident', keywords: 'time set ttd tta', run: dialog({ kind: 'times' }) });

  if (open && incident.status !== 'detected') {
    for (const role of ROLE_KEYS) {
      const holder = incident.roles[role];
      // A held role is reassigned by handing it off, so "assign ic" finds that too.
      if (holder) add({ id: `handoff-${role}`, label: `Hand off ${ROLE_LABELS[role].toLowerCase()} (${holder.name})…`, group: 'Roles', keywords: 'briefing assign reassign', role, run: dialog({ kind: 'handoff', role }) });
      else add({ id: `assign-${role}`, label: `Assign ${ROLE_LABELS[role].toLowerCase()}…`, group: 'Roles', keywords: 'role fill', role, run: dialog({ kind: 'assign', role }) });
    }
    add({ id: 'responder', label: 'Add a responder or SME…', group: 'Roles', keywords: 'expert person', run: dialog({ kind: 'responder' }) });
    add({ id: 'workstream', label: 'Open a workstream…', group: 'Workstreams', keywords: 'parallel thread', run: dialog({ kind: 'workstream-open' }) });
    for (const w of incident.workstreams.filter((x) => x.status !== 'done')) {
      add({ id: `ws-${w.id}`, label: `Report on “${w.title}”…`, group: 'Workstreams', keywords: 'update check-in', run: dialog({ kind: 'workstream-update', workstream: w }) });
    }
  }

  for (const kind of DRAFT_KINDS) {
    add({ id: `draft-${kind}`, label: `Draft ${DRAFT_LABELS[kind].toLowerCase()}…`, group: 'Updates', keywords: 'comms send status page', run: dialog({ kind: 'draft', draftKind: kind }) });
  }
  if (open && incident.status !== 'detected') {
    add({ id: 'cadence-internal', label: 'Change internal update cadence…', group: 'Updates', keywords: 'clock interval', run: dialog({ kind: 'cadence', audience: 'internal' }) });
    add({ id: 'cadence-external', label: 'Change external update cadence…', group: 'Updates', keywords: 'clock interval', run: dialog({ kind: 'cadence', audience: 'external' }) });
    if (incident.timestamps.acknowledgedAt === null) {
      // While a page goes unanswered, acknowledging is the next step: first in the list.
      const paging = pageUnanswered(incident, nowOn(incident));
      add({
        id: 'acknowledge',
        label: paging ? 'Acknowledge the page (stop escalation)' : 'Acknowledge (stop escalation)',
        group: paging ? 'Next step' : 'Escalation',
        keywords: 'ack page tta',
        run: () => {
          inWarRoom();
          void api.call('escalation.acknowledge', { incidentId: id, by: '' }).then((r) => showNotice(r.ok ? null : r.error.message));
        },
      });
    }
    add({ id: 'page', label: 'Page an expert…', group: 'Escalation', keywords: 'call sme lateral', run: dialog({ kind: 'page' }) });
  }

  add({ id: 'pinned', label: 'Timeline: pinned entries only', group: 'Timeline', keywords: 'filter key moments', run: () => (inWarRoom(), setFilter({ pinnedOnly: true })) });
  add({ id: 'decisions', label: 'Timeline: decisions only', group: 'Timeline', keywords: 'filter', run: () => (inWarRoom(), setFilter({ kind: 'decision' })) });
  add({ id: 'clear-filters', label: 'Timeline: show everything', group: 'Timeline', keywords: 'filter clear reset', run: () => (inWarRoom(), clearFilter()) });
  if (view !== 'war-room') add({ id: 'go-war-room', label: 'War room', group: 'Go to', keywords: 'back incident', run: inWarRoom });
  add({ id: 'go-postmortem', label: 'Post-mortem of this incident', group: 'Go to', keywords: 'review postmortem action items', run: () => navigate({ view: 'postmortem', incidentId: id }) });
  // What the next-steps panel says to do: in the first group while nothing is typed, after an
  // unanswered page (acknowledging stops the escalation, the most pressing thing of all).
  for (const step of paletteSteps(incident)) add({ ...step, group: 'Next step', run: () => (inWarRoom(), step.run()) });
  return out;
}

const GROUP_ORDER = ['Next step', 'Timeline', 'Status', 'Incident', 'Roles', 'Workstreams', 'Updates', 'Escalation', 'Go to'];
const groupRank = (group: string) => {
  const i = GROUP_ORDER.indexOf(group);
  return i < 0 ? GROUP_ORDER.length : i;
};

/** With nothing typed: every action, grouped. Otherwise ranked by words and role aliases (see palette-rank). */
export function matchActions(actions: PaletteAction[], query: string): PaletteAction[] {
  if (query.trim() === '') return [...actions].sort((a, b) => groupRank(a.group) - groupRank(b.group));
  return rankActions(actions, query);
}
