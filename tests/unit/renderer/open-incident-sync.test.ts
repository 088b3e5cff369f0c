import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import type { IncidentEvent } from '../../../shared/domain/events';

const call = vi.fn();
vi.mock('../../../renderer/api', () => ({ api: { call: (...args: unknown[]) => call(...args) } }));

const { useOpenIncident } = await import('../../../renderer/store/open-incident-store');
const { applyPushedEvent, openIncident, reloadOpenIncident } = await import('../../../renderer/store/open-incident-sync');

function view(lastSeq: number): IncidentView {
  return {
    id: 'INC-1',
    title: 'Checkout down',
    timeline: [],
    lastSeq,
    updatedAt: 0,
    integrity: { status: 'ok', problems: [] },
  } as unknown as IncidentView;
}

function logged(seq: number, text = `line ${seq}`): IncidentEvent {
  return {
    id: `e${seq}`,
    incidentId: 'INC-1',
    seq,
    at: 1_000 + seq,
    actor: 'scribe',
    type: 'timeline.logged',
    payload: { entryId: `n${seq}`, text, kind: 'note', occurredAt: 1_000 + seq, attribution: null, workstreamId: null },
  } as IncidentEvent;
}

beforeEach(async () => {
  call.mockReset();
  useOpenIncident.setState({ incidentId: null, incident: null, version: 0, loading: false, error: null });
  call.mockResolvedValueOnce({ ok: true, value: view(5) });
  openIncident('INC-1');
  await vi.waitFor(() => expect(useOpenIncident.getState().incident).not.toBeNull());
});

describe('the open incident', () => {
  it('applies the next event in place and bumps the version', () => {
    const { incident, version } = useOpenIncident.getState();
    applyPushedEvent(logged(6));
    const after = useOpenIncident.getState();
    expect(after.incident).toBe(incident);
    expect(after.incident!.lastSeq).toBe(6);
    expect(after.incident!.timeline.map((e) => e.text)).toEqual(['line 6']);
    expect(after.version).toBe(version + 1);
  });

  it('ignores events it already has and events of other incidents', () => {
    const { version } = useOpenIncident.getState();
    applyPushedEvent(logged(5));
    applyPushedEvent({ ...logged(6), incidentId: 'INC-2' });
    expect(useOpenIncident.getState().version).toBe(version);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('fetches again when a sequence number is skipped', async () => {
    call.mockResolvedValueOnce({ ok: true, value: view(9) });
    applyPushedEvent(logged(8));
    await vi.waitFor(() => expect(useOpenIncident.getState().incident!.lastSeq).toBe(9));
    expect(call).toHaveBeenLastCalledWith('incident.get', { incidentId: 'INC-1' });
  });

  it('holds events that arrive during a fetch and applies the newer ones on top', async () => {
    let answer: (value: unknown) => void = () => undefined;
    call.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const reload = reloadOpenIncident();
    applyPushedEvent(logged(6));
    applyPushedEvent(logged(7));
    answer({ ok: true, value: view(6) });
    await reload;
    const { incident } = useOpenIncident.getState();
    expect(incident!.lastSeq).toBe(7);
    expect(incident!.timeline.map((e) => e.text)).toEqual(['line 7']);
  });
});
