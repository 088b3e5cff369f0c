import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncidentView, IncidentWindow, TimelinePage } from '../../../shared/contract/contract';
import type { IncidentEvent } from '../../../shared/domain/events';

const call = vi.fn();
vi.mock('../../../renderer/api', () => ({ api: { call: (...args: unknown[]) => call(...args) } }));

const { useOpenIncident } = await import('../../../renderer/store/open-incident-store');
const { useTimeline } = await import('../../../renderer/store/timeline-store');
const { applyPushedEvent, applyQueued, openIncident, reloadOpenIncident } = await import('../../../renderer/store/open-incident-sync');

function page(count: number): TimelinePage {
  return { incidentId: 'INC-1', generation: 1, total: count, count, start: count, entries: [], before: null, next: null, prev: null };
}

function opened(lastSeq: number): { ok: true; value: IncidentWindow } {
  const incident = { id: 'INC-1', title: 'Checkout down', timeline: [], lastSeq, lastStamp: '', updatedAt: 0, integrity: { status: 'ok', problems: [] } } as unknown as IncidentView;
  return { ok: true, value: { incident, page: page(lastSeq), facets: { actors: [], attributions: [], authors: [] }, mitigationOffer: null, tail: [] } };
}

function logged(seq: number, text = `line ${seq}`): IncidentEvent {
  return {
    id: `e${seq}`,
    incidentId: 'INC-1',
    seq,
    at: 1_000 + seq,
    hlc: `${String(1_000 + seq).padStart(13, '0')}-00000-c`,
    actor: 'scribe',
    type: 'timeline.logged',
    payload: { entryId: `n${seq}`, text, kind: 'note', occurredAt: 1_000 + seq, attribution: null, workstreamId: null },
  } as IncidentEvent;
}

const pageCalls = () => call.mock.calls.filter(([command]) => command === 'timeline.page').length;

beforeEach(async () => {
  call.mockReset();
  // Page requests are answered never: these tests are about the state, not the rows.
  call.mockImplementation(() => new Promise(() => undefined));
  useOpenIncident.setState({ incidentId: null, incident: null, version: 0, loading: false, error: null });
  call.mockResolvedValueOnce(opened(5));
  openIncident('INC-1');
  await vi.waitFor(() => expect(useOpenIncident.getState().incident).not.toBeNull());
});

describe('the open incident', () => {
  it('opens with the state but not the timeline, and the newest page', () => {
    expect(call).toHaveBeenCalledWith('incident.window', expect.objectContaining({ incidentId: 'INC-1' }));
    expect(useTimeline.getState()).toMatchObject({ incidentId: 'INC-1', count: 5, ready: true });
  });

  it('applies a frame of events in place at once: one version, one page request', () => {
    const { incident, version } = useOpenIncident.getState();
    const before = pageCalls();
    for (let seq = 6; seq <= 1_005; seq++) applyPushedEvent(logged(seq));
    expect(useOpenIncident.getState().version, 'nothing until the frame').toBe(version);
    applyQueued();
    const after = useOpenIncident.getState();
    expect(after.incident).toBe(incident);
    expect(after.incident!.lastSeq).toBe(1_005);
    expect(after.version).toBe(version + 1);
    // Only the newest lines are kept in the state; the timeline is the engine's.
    expect(after.incident!.timeline.length).toBeLessThanOrEqual(400);
    expect(after.incident!.timeline.at(-1)!.text).toBe('line 1005');
    expect(pageCalls() - before).toBe(1);
  });

  it('ignores events it already has and events of other incidents', () => {
    const { version } = useOpenIncident.getState();
    applyPushedEvent(logged(5));
    applyPushedEvent({ ...logged(6), incidentId: 'INC-2' });
    applyQueued();
    expect(useOpenIncident.getState().version).toBe(version);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('opens again when a sequence number is skipped', async () => {
    call.mockResolvedValueOnce(opened(9));
    applyPushedEvent(logged(8));
    applyQueued();
    await vi.waitFor(() => expect(useOpenIncident.getState().incident!.lastSeq).toBe(9));
    expect(call).toHaveBeenLastCalledWith('incident.window', expect.objectContaining({ incidentId: 'INC-1' }));
  });

  it('holds events that arrive while opening and applies the newer ones on top', async () => {
    let answer: (value: unknown) => void = () => undefined;
    call.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const reload = reloadOpenIncident();
    applyPushedEvent(logged(6));
    applyPushedEvent(logged(7));
    answer(opened(6));
    await reload;
    applyQueued();
    const { incident } = useOpenIncident.getState();
    expect(incident!.lastSeq).toBe(7);
    expect(incident!.timeline.map((e) => e.text)).toEqual(['line 7']);
  });
});
