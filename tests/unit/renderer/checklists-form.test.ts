import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLISTS } from '../../../shared/guidance/checklists';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { checklistErrors, checklistsSpec, defaultChecklist, isDefaultChecklist, moveItem, removeItem, type ChecklistsDraft } from '../../../renderer/components/settings/checklists-form';

const draft = (patch: Partial<ChecklistsDraft> = {}): ChecklistsDraft => ({ ...checklistsSpec.fromSettings(DEFAULT_SETTINGS), ...patch });

describe('checklists form', () => {
  it('sends trimmed lists for every severity', () => {
    const result = checklistsSpec.toPatch(draft({ SEV4: ['  Confirm nobody is affected  ', 'File a ticket'] }));
    expect(result).toEqual({ patch: { checklists: { ...DEFAULT_CHECKLISTS, SEV4: ['Confirm nobody is affected', 'File a ticket'] } } });
  });

  it('names each problem by the path the engine uses, so it lands beside the item', () => {
    const errors = checklistErrors(draft({ SEV3: ['Impact?', '', 'impact?', 'line\nbreak'] }));
    expect(errors).toEqual({
      'checklists.SEV3.1': 'Item 2 is empty',
      'checklists.SEV3.2': 'Item 3 repeats item 1',
      'checklists.SEV3.3': 'Item 4 holds a line break or control character (one line per item)',
    });
    expect(checklistsSpec.toPatch(draft({ SEV3: [''] }))).toEqual({ errors: { 'checklists.SEV3.0': 'Item 1 is empty' } });
  });

  it('refuses a list that is too long as a whole', () => {
    const long = Array.from({ length: 21 }, (_, i) => `Step ${i + 1}`);
    expect(checklistErrors(draft({ SEV2: long }))).toEqual({ 'checklists.SEV2': 'The checklist has 21 items; at most 20' });
  });

  it('is not dirty for whitespace alone', () => {
    const saved = draft();
    const typed = draft({ SEV4: DEFAULT_CHECKLISTS.SEV4.map((x) => `${x} `) });
    expect(checklistsSpec.same!(typed, saved)).toBe(true);
    expect(checklistsSpec.same!(draft({ SEV4: ['Other'] }), saved)).toBe(false);
  });

  it('moves an item up or down, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('resets to the seeds’ list, a copy the form may change', () => {
    const reset = defaultChecklist('SEV1');
    expect(reset).toEqual(DEFAULT_CHECKLISTS.SEV1);
    expect(reset).not.toBe(DEFAULT_CHECKLISTS.SEV1);
    expect(isDefaultChecklist('SEV1', reset)).toBe(true);
    expect(isDefaultChecklist('SEV1', moveItem(reset, 0, 1))).toBe(false);
  });
});
