import { CommandFailure } from '../../../shared/contract/result';
import { BUILTIN_SCENARIOS } from '../../../shared/drills/builtin';
import { parseScenarioFile } from '../../../shared/drills/scenario-file';
import { ScenarioSchema } from '../../../shared/drills/scenario-schema';
import type { Scenario } from '../../../shared/drills/types';

/** A built-in scenario by id, or a scenario file's text through the one strict gate (errors name the field and the line). */
export function loadScenario(source: { builtin: string } | { fileName: string; text: string }): Scenario {
  if ('builtin' in source) {
    const found = BUILTIN_SCENARIOS.find((s) => s.id === source.builtin);
    if (!found) throw new CommandFailure('NOT_FOUND', `There is no built-in scenario “${source.builtin}”.`);
    // A fresh copy in the schema's key order: what another console's gate makes of the opening,
    // so the two states serialise alike (and the built-in itself is never shared into a state).
    return ScenarioSchema.parse(found);
  }
  const parsed = parseScenarioFile(source.text);
  if (!parsed.ok) throw new CommandFailure(parsed.error.code, `${source.fileName}: ${parsed.error.message}`);
  return parsed.value;
}
