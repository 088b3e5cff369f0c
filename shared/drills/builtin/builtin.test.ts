import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../scenario-schema';
import { parseScenarioFile } from '../scenario-file';
import { BUILTIN_SCENARIOS } from './index';

describe('built-in scenarios', () => {
  it('there are at least three, with distinct ids', () => {
    expect(BUILTIN_SCENARIOS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(BUILTIN_SCENARIOS.map((s) => s.id)).size).toBe(BUILTIN_SCENARIOS.length);
  });

  for (const scenario of BUILTIN_SCENARIOS) {
    describe(scenario.id, () => {
      it('validates against the schema, and round-trips through a scenario file', () => {
        const parsed = ScenarioSchema.safeParse(scenario);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        expect(parseScenarioFile(JSON.stringify(scenario, null, 2))).toEqual({ ok: true, value: scenario });
      });

      it('lasts 30 to 60 minutes and its injects are in time order', () => {
        expect(scenario.durationMinutes).toBeGreaterThanOrEqual(30);
        expect(scenario.durationMinutes).toBeLessThanOrEqual(60);
        const minutes = scenario.injects.map((i) => i.atMinute);
        expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
        expect(minutes[0]).toBe(0);
      });

      it('tells the facilitator why the first inject, every conditional and every red herring is there', () => {
        const key = scenario.injects.filter((i, n) => n === 0 || i.when || i.kind === 'red-herring' || i.kind === 'stakeholder');
        for (const inject of key) expect(inject.facilitatorNote, inject.id).toMatch(/\S{3}/);
      });
    });
  }

  it('covers what the issue asks for', () => {
    const [deploy, pool, provider] = BUILTIN_SCENARIOS;
    // A bad deploy: alerts, a finding about a deploy, the CEO, and errors that double if nothing is mitigated by T+20.
    expect(deploy!.injects.find((i) => i.kind === 'finding' && /deploy/i.test(i.text))).toBeDefined();
    expect(deploy!.injects.find((i) => i.kind === 'stakeholder' && i.from === 'CEO')).toBeDefined();
    expect(deploy!.injects.find((i) => i.kind === 'alert' && i.atMinute === 20)?.when).toEqual({ notReached: 'mitigated' });
    // The pool: a red herring before the finding that names the pool.
    const herring = pool!.injects.findIndex((i) => i.kind === 'red-herring');
    const finding = pool!.injects.findIndex((i) => i.kind === 'finding' && /pool/.test(i.text));
    expect(herring).toBeGreaterThanOrEqual(0);
    expect(finding).toBeGreaterThan(herring);
    // The provider: customers report it before any alert, and stakeholders ask.
    expect(provider!.injects[0]!.kind).toBe('customer-report');
    const firstAlert = provider!.injects.find((i) => i.kind === 'alert')!;
    expect(firstAlert.atMinute).toBeGreaterThan(provider!.injects[0]!.atMinute);
    expect(provider!.injects.filter((i) => i.kind === 'stakeholder').length).toBeGreaterThanOrEqual(2);
    expect(['SEV1', 'SEV2']).toContain(deploy!.expectedSeverity);
  });
});
