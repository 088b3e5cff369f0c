import type { IncidentEvent } from './events';
import type { IncidentState } from './incident';
import { pushEntry, systemEntry } from './reduce-helpers';
import type { DrillState } from '../drills/types';

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

const SPEED_WORDS = { 1: 'real time', 2: '2× speed', 5: '5× speed' } as const;

/** The drill part of an opening: the clock starts at the opening's drill time. */
export function openDrill(event: Of<'incident.declared'> | Of<'incident.detected'>): DrillState | null {
  const d = event.payload.drill;
  if (!d) return null;
  return {
    scenario: d.scenario,
    facilitator: d.facilitator,
    team: d.team ?? 'Team',
    facilitatorConsole: d.facilitatorConsole,
    clock: { anchorWall: d.wallAt, anchorDrill: event.at, speed: d.speed, paused: false },
    startedAt: event.at,
    endedAt: null,
    fired: [],
    skipped: [],
  };
}

export function setClock(state: IncidentState, event: Of<'drill.clockSet'>): void {
  const drill = state.drill;
  if (!drill || drill.endedAt !== null) return;
  const { action, speed, wallAt, drillAt } = event.payload;
  const paused = action === 'pause' || action === 'end' || (action === 'speed' && drill.clock.paused);
  drill.clock = { anchorWall: wallAt, anchorDrill: drillAt, speed, paused };
  if (action === 'end') drill.endedAt = drillAt;
  const text =
    action === 'pause' ? 'Drill paused' : action === 'resume' ? `Drill resumed at ${SPEED_WORDS[speed]}` : action === 'speed' ? `Drill now runs at ${SPEED_WORDS[speed]}` : 'Drill ended';
  pushEntry(state, systemEntry(event, text, drillAt));
}

export function inject(state: IncidentState, event: Of<'drill.injected'>): void {
  const drill = state.drill;
  if (!drill) return;
  const p = event.payload;
  if (!drill.fired.includes(p.injectId)) drill.fired.push(p.injectId);
  pushEntry(state, {
    ...systemEntry(event, p.from ? `${p.from}: ${p.text}` : p.text),
    id: `${event.id}:inject`,
    kind: 'inject',
    attribution: p.from || null,
  });
}

export function skipInject(state: IncidentState, event: Of<'drill.injectSkipped'>): void {
  const drill = state.drill;
  if (!drill || drill.skipped.includes(event.payload.injectId)) return;
  drill.skipped.push(event.payload.injectId);
}

export function tick(state: IncidentState, event: Of<'checklist.ticked'>): void {
  const { item, done } = event.payload;
  const at = state.checklist.findIndex((t) => t.item === item);
  const next = { item, done, at: event.at, by: event.actor };
  if (at >= 0) state.checklist[at] = next;
  else state.checklist.push(next);
  pushEntry(state, systemEntry(event, done ? `Checklist: ✓ ${item}` : `Checklist: unticked “${item}”`));
}
