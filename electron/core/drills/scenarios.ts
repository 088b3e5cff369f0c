import { CommandFailure } from '../../../shared/contract/result';
import { BUILTIN_SCENARIOS } from '../../../shared/drills/builtin';
import { parseScenarioFile } from '../../../shared/drills/scenario-file';
import type { Scenario } from '../../../shared/drills/types';

/** A built-in scenario by id, or a scenario file's text through the one strict gate (errors name the field and the line). */
export function loadScenario(source: { builtin: string } | { fileName: string; text: string }): Scenario {
  if ('builtin' in source) {
    const found = BUILTIN_SCENARIOS.find((s) => s.id === source.builtin);
    if (!found) throw new CommandFailure('NOT_FOUND', `There is no built-in scenario “${source.builtin}”.`);
    return found;
  }
  const parsed = parseScenarioFile(source.text);
  if (!parsed.ok) throw new CommandFailure(parsed.error.code, `${source.fileName}: ${parsed.error.message}`);
  return parsed.value;
}
