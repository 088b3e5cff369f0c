import { create } from 'zustand';
import type { Audience, DraftKind, RoleKey, Severity, Workstream } from '../../shared/domain/incident';
import type { IncidentStatus } from '../../shared/domain/incident';
import { EMPTY_FILTER, type TimelineFilter } from '../lib/timeline-filter';
import { useOpenIncident } from './open-incident-store';

/** Which war-room dialog is open, with what it was opened for. One at a time. */
export type WarRoomDialog =
  | { kind: 'severity'; severity?: Severity }
  | { kind: 'status'; to: IncidentStatus }
  | { kind: 'times' }
  | { kind: 'promote' }
  | { kind: 'dismiss' }
  | { kind: 'attach' }
  | { kind: 'assign'; role?: RoleKey }
  | { kind: 'handoff'; role: RoleKey }
  | { kind: 'release'; role: RoleKey }
  | { kind: 'responder' }
  | { kind: 'workstream-open' }
  | { kind: 'workstream-update'; workstream: Workstream }
  | { kind: 'amend'; entryId: string }
  | { kind: 'strike'; entryId: string }
  | { kind: 'cadence'; audience: Audience }
  | { kind: 'page' }
  | { kind: 'draft'; draftKind: DraftKind };

interface WarRoomStore {
  /** The incident the filters below belong to; another incident starts clean. */
  incidentId: string | null;
  filter: TimelineFilter;
  dialog: WarRoomDialog | null;
  /** The incident the dialog was opened for: it may be opened just before that incident is drawn. */
  dialogFor: string | null;
  /** A refusal from a one-click action (pin, report, acknowledge), shown until the next. */
  notice: string | null;
  paletteOpen: boolean;
}

export const useWarRoom = create<WarRoomStore>(() => ({
  incidentId: null,
  filter: EMPTY_FILTER,
  dialog: null,
  dialogFor: null,
  notice: null,
  paletteOpen: false,
}));

/** Called when the war room shows an incident: filters and dialogs do not carry over. */
export function enterIncident(incidentId: string): void {
  const state = useWarRoom.getState();
  if (state.incidentId === incidentId) return;
  const keepDialog = state.dialogFor === incidentId;
  useWarRoom.setState({ incidentId, filter: EMPTY_FILTER, notice: null, ...(keepDialog ? {} : { dialog: null, dialogFor: null }) });
}

export function setFilter(change: Partial<TimelineFilter>): void {
  useWarRoom.setState((s) => ({ filter: { ...s.filter, ...change } }));
}

export function clearFilter(): void {
  useWarRoom.setState({ filter: EMPTY_FILTER });
}

/** Clicking a workstream: the timeline shows its lines and new lines are logged against it. */
export function toggleWorkstream(workstreamId: string): void {
  useWarRoom.setState((s) => ({
    filter: { ...s.filter, workstreamId: s.filter.workstreamId === workstreamId ? null : workstreamId },
  }));
}

export const openDialog = (dialog: WarRoomDialog) =>
  useWarRoom.setState({ dialog, dialogFor: useOpenIncident.getState().incidentId, paletteOpen: false });
export const closeDialog = () => useWarRoom.setState({ dialog: null, dialogFor: null });
export const showNotice = (notice: string | null) => useWarRoom.setState({ notice });
export const setPaletteOpen = (paletteOpen: boolean) => useWarRoom.setState({ paletteOpen });
