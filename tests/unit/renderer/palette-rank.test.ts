import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_ALIASES } from '../../../shared/domain/entry-parser';
import { ROLE_KEYS, ROLE_LABELS, type RoleKey } from '../../../shared/domain/incident';
import { FIT, fitsOf, queryWords, type Rankable, rankActions } from '../../../renderer/lib/palette-rank';

interface Action extends Rankable {
  id: string;
}

const assign = (role: RoleKey): Action => ({ id: `assign-${role}`, label: `Assign ${ROLE_LABELS[role].toLowerCase()}…`, group: 'Roles', keywords: 'role fill', role });
const handoff = (role: RoleKey, holder: string): Action => ({
  id: `handoff-${role}`,
  label: `Hand off ${ROLE_LABELS[role].toLowerCase()} (${holder})…`,
  group: 'Roles',
  keywords: 'briefing assign reassign',
  role,
});
const plain = (id: string, label: string, group = 'Incident', keywords = ''): Action => ({ id, label, group, keywords });

const ids = (actions: Action[]) => actions.map((a) => a.id);

describe('palette ranking', () => {
  const roles = ROLE_KEYS.map(assign);
  const everyday = [
    plain('log', 'Log an entry', 'Timeline', 'write note scribe focus'),
    plain('severity', 'Change severity (now SEV1)…', 'Incident', 'sev escalate downgrade'),
    plain('draft-exec', 'Draft executive summary…', 'Updates', 'comms send status page'),
    plain('draft-internal', 'Draft internal update…', 'Updates', 'comms send status page'),
    ...roles,
  ];

  it('"assign ic" puts the incident commander first and leaves out leads that only contain the letters', () => {
    const shown = ids(rankActions(everyday, 'assign ic'));
    expect(shown[0]).toBe('assign-incident-commander');
    expect(shown).not.toContain('assign-technical-lead');
    expect(shown).not.toContain('assign-communications-lead');
  });

  it('every alias finds its role first', () => {
    for (const [alias, role] of Object.entries(ROLE_ALIASES)) {
      expect(ids(rankActions(everyday, `assign ${alias}`))[0], alias).toBe(`assign-${role}`);
    }
  });

  it('a held role is found by "assign" and its alias too: handing off is how it is reassigned', () => {
    const withHolder = [...everyday.filter((a) => a.id !== 'assign-incident-commander'), handoff('incident-commander', 'Dana Reyes')];
    expect(ids(rankActions(withHolder, 'assign ic'))[0]).toBe('handoff-incident-commander');
    expect(ids(rankActions(withHolder, 'dana'))[0]).toBe('handoff-incident-commander');
  });

  it('comms as a role outranks comms as a keyword, and still finds the drafts', () => {
    const shown = ids(rankActions(everyday, 'comms'));
    expect(shown[0]).toBe('assign-communications-lead');
    expect(shown).toContain('draft-internal');
  });

  it('whole words outrank word starts, which outrank keywords', () => {
    expect(fitsOf(plain('a', 'Mark mitigated…'), ['mark'])).toEqual([FIT.word]);
    expect(fitsOf(plain('a', 'Mark mitigated…'), ['mit'])).toEqual([FIT.wordStart]);
    expect(fitsOf(plain('a', 'Settings', 'Go to', 'roster templates'), ['roster'])).toEqual([FIT.keyword]);
    expect(fitsOf(plain('a', 'Post-mortem of this incident'), ['ortem'])).toEqual([FIT.inside]);
    expect(fitsOf(plain('a', 'Assign technical lead…'), ['ic']), 'two letters inside a word are not a match').toEqual([FIT.none]);
  });

  it('an empty query keeps every action in its order', () => {
    expect(ids(rankActions(everyday, '  '))).toEqual(ids(everyday));
  });
});

// Labels and keywords from a small vocabulary so that words collide the way real ones do.
const VOCAB = ['assign', 'hand', 'off', 'incident', 'commander', 'technical', 'lead', 'draft', 'update', 'mark', 'comms', 'exec', 'scribe', 'ic', 'tl', 'logic', 'critical', 'stale', 'execute'];
const word = fc.constantFrom(...VOCAB);
const role = fc.option(fc.constantFrom(...ROLE_KEYS), { nil: undefined });
const action = fc.record({
  id: fc.uuid(),
  label: fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
  group: fc.constantFrom('Roles', 'Updates', 'Incident'),
  keywords: fc.array(word, { maxLength: 3 }).map((w) => w.join(' ')),
  role,
});
const query = fc.array(fc.oneof(word, fc.constantFrom(...Object.keys(ROLE_ALIASES)), word.map((w) => w.slice(0, 3))), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

describe('palette ranking, for any actions and query', () => {
  it('shows only actions that fit every word, each once', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), query, (actions, q) => {
        const shown = rankActions(actions, q);
        expect(new Set(shown).size).toBe(shown.length);
        const words = queryWords(q);
        for (const a of actions) {
          const fits = fitsOf(a, words).every((f) => f > FIT.none);
          expect(shown.includes(a)).toBe(fits);
        }
      }),
    );
  });

  it('an exact alias match always outranks an action without one', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), query, fc.constantFrom(...Object.keys(ROLE_ALIASES)), (actions, q, alias) => {
        const words = [...queryWords(q), alias];
        const shown = rankActions(actions, words.join(' '));
        const hasAlias = (a: Rankable) => fitsOf(a, words).includes(FIT.alias);
        const firstWithout = shown.findIndex((a) => !hasAlias(a));
        const lastWith = shown.findLastIndex(hasAlias);
        if (firstWithout >= 0 && lastWith >= 0) expect(lastWith).toBeLessThan(firstWithout);
      }),
    );
  });

  it('an action that fits every word at least as well as another is never shown after it', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 2, maxLength: 12 }), query, (actions, q) => {
        const words = queryWords(q);
        const shown = rankActions(actions, q);
        for (let i = 0; i < shown.length; i++) {
          for (let j = i + 1; j < shown.length; j++) {
            const earlier = fitsOf(shown[i]!, words);
            const later = fitsOf(shown[j]!, words);
            const laterStrictlyBetter = later.every((f, k) => f >= earlier[k]!) && later.some((f, k) => f > earlier[k]!);
            expect(laterStrictlyBetter).toBe(false);
          }
        }
      }),
    );
  });
});
