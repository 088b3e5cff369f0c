import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../shared/domain/incident';
import { conflictWords, valueName } from '../../../renderer/components/war-room/conflict-words';

const at = (hhmm: string) => Date.UTC(2026, 10, 22, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)), Number(hhmm.slice(6, 8) || 0));
const clock = (ms: number, seconds: boolean) => new Date(ms).toISOString().slice(11, seconds ? 19 : 16);

function conflict(field: Conflict['field'], chosen: [string, string, string, string], other: [string, string, string, string]): Conflict {
  const by = ([value, actor, time, console]: [string, string, string, string], eventId: string) => ({ value, actor, at: at(time), console, eventId });
  return { id: 'ev-chosen', field, chosen: by(chosen, 'ev-chosen'), other: by(other, 'ev-other'), settled: null };
}

describe('a conflict in one sentence', () => {
  const severity = conflict('severity', ['SEV3', 'Dana', '03:14', 'dana-laptop-7f3a'], ['SEV1', 'Riley', '03:12', 'riley-laptop-19c2']);

  it('says who set what, when, where, and what is in force', () => {
    const words = conflictWords(severity, 'SEV3', clock);
    expect(words.sentence).toBe(
      'Severity conflict: Dana set SEV3 at 03:14 on dana-laptop-7f3a; Riley had set SEV1 at 03:12 on riley-laptop-19c2. SEV3 is in force.',
    );
    expect(words.keep).toBe('Keep SEV3');
    expect(words.change).toEqual({ label: 'Set SEV1', value: 'SEV1' });
  });

  it('names statuses as the lifecycle shows them', () => {
    const status = conflict('status', ['mitigated', 'Dana', '03:20', 'dana-laptop-7f3a'], ['resolved', 'Riley', '03:18', 'riley-laptop-19c2']);
    const words = conflictWords(status, 'mitigated', clock);
    expect(words.sentence).toBe(
      'Status conflict: Dana set Mitigated at 03:20 on dana-laptop-7f3a; Riley had set Resolved at 03:18 on riley-laptop-19c2. Mitigated is in force.',
    );
    expect(words.keep).toBe('Keep Mitigated');
    expect(words.change).toEqual({ label: 'Set Resolved', value: 'resolved' });
  });

  it('keeps what is in force now, and offers the other side, when the value changed since', () => {
    // Someone set SEV1 again after the conflict: keeping means SEV1, the alternative is SEV3.
    const words = conflictWords(severity, 'SEV1', clock);
    expect(words.sentence).toMatch(/SEV1 is in force\.$/);
    expect(words.keep).toBe('Keep SEV1');
    expect(words.change).toEqual({ label: 'Set SEV3', value: 'SEV3' });
  });

  it('offers only Keep when both sides are what is in force', () => {
    expect(conflictWords(severity, 'SEV2', clock).change).toEqual({ label: 'Set SEV1', value: 'SEV1' });
    const same = conflict('severity', ['SEV2', 'Dana', '03:14', 'a'], ['SEV2', 'Riley', '03:12', 'b']);
    expect(conflictWords(same, 'SEV2', clock).change).toBeNull();
  });

  it('gives seconds when both changes fall in the same minute', () => {
    const close = conflict('severity', ['SEV3', 'Dana', '03:14:40', 'a'], ['SEV1', 'Riley', '03:14:05', 'b']);
    expect(conflictWords(close, 'SEV3', clock).sentence).toBe('Severity conflict: Dana set SEV3 at 03:14:40 on a; Riley had set SEV1 at 03:14:05 on b. SEV3 is in force.');
  });

  it('never offers a value the field cannot take', () => {
    const odd = conflict('severity', ['SEV2', 'Dana', '03:14', 'a'], ['SEV9', 'Riley', '03:12', 'b']);
    expect(conflictWords(odd, 'SEV2', clock).change).toBeNull();
  });

  it('leaves an unknown status as written', () => {
    expect(valueName('status', 'paused')).toBe('paused');
    expect(valueName('status', 'closed')).toBe('Closed');
  });
});
