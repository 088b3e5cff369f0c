import { describe, expect, it } from 'vitest';
import { plainMessage } from '../../../renderer/lib/plain-error';

describe('engine refusals shown in plain words', () => {
  it('drops the command and the field path of a refused input', () => {
    expect(plainMessage({ code: 'TOO_LARGE', message: 'timeline.log: text: Entry is longer than 10000 characters' })).toBe('Entry is longer than 10000 characters.');
    expect(plainMessage({ code: 'INVALID_INPUT', message: 'role.handoff: briefing.situation: Situation is longer than 5000 characters; name: Name is empty' })).toBe(
      'Situation is longer than 5000 characters. Name is empty.',
    );
  });

  it('leaves every other refusal as the engine wrote it', () => {
    const message = 'The external update changed after it was approved: approve it again.';
    expect(plainMessage({ code: 'CONFLICT', message })).toBe(message);
  });
});
