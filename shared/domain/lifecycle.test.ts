import { describe, expect, it } from 'vitest';
import { STATUSES } from './incident';
import { checkMove } from './lifecycle';

describe('status moves', () => {
  it('allows the response flow, going back among active statuses, and reopening', () => {
    const allowed = STATUSES.flatMap((from) => STATUSES.filter((to) => checkMove(from, to).ok).map((to) => `${from}>${to}`));
    expect(allowed.sort()).toEqual(
      [
        'investigating>identified',
        'investigating>mitigated',
        'investigating>resolved',
        'identified>investigating',
        'identified>mitigated',
        'identified>resolved',
        'mitigated>investigating',
        'mitigated>identified',
        'mitigated>resolved',
        'resolved>closed',
        'resolved>investigating',
        'closed>investigating',
      ].sort(),
    );
    expect(checkMove('closed', 'investigating')).toEqual({ ok: true, reopen: true });
    expect(checkMove('investigating', 'closed')).toMatchObject({ ok: false, reason: /Resolve/ });
    expect(checkMove('detected', 'investigating')).toMatchObject({ ok: false, reason: /Declare/ });
  });
});
