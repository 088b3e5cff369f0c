import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioFile } from '../../shared/drills/scenario-file';

// The README's scenario example is what people copy: it must be a valid scenario.
describe('the README scenario example', () => {
  it('is accepted as it stands', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const drills = readme.slice(readme.indexOf('## Drills'));
    const example = /```json\n([\s\S]*?)```/.exec(drills)?.[1];
    expect(example).toBeDefined();
    const parsed = parseScenarioFile(example!);
    expect(parsed.ok ? parsed.value.injects.length : parsed.error.message).toBe(5);
  });
});
