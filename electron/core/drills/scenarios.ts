import { CommandFailure } from '../../../shared/contract/result';
import { ScenarioSchema } from '../../../shared/drills/scenario-schema';
import type { Scenario } from '../../../shared/drills/types';

const BUILTIN: Scenario[] = [];

/** A built-in scenario by id, or a scenario file's text through the one strict gate. */
export function loadScenario(source: { builtin: string } | { fileName: string; text: string }): Scenario {
  if ('builtin' in source) {
    const found = BUILTIN.find((s) => s.id === source.builtin);
    if (!found) throw new CommandFailure('NOT_FOUND', `There is no built-in scenario “${source.builtin}”.`);
    return found;
  }
  let json: unknown;
  try {
    json = JSON.parse(source.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CommandFailure('INVALID_INPUT', `${source.fileName} is not JSON: ${(error as Error).message}`);
  }
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new CommandFailure('INVALID_INPUT', `${source.fileName}: ${first.path.join('.') || 'the file'} ${first.message}`);
  }
  return parsed.data;
}
