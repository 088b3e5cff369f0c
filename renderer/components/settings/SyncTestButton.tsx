import { useState } from 'react';
import { describeSkew, describeSyncTest } from '../../../shared/sync/sync-status';
import { api } from '../../api';
import { type SyncDraft, syncInput } from './sync-form';

type TestState = { step: 'idle' } | { step: 'testing' } | { step: 'done'; ok: boolean; text: string; skew: string | null; tested: SyncDraft };

interface Props {
  draft: SyncDraft;
  disabled: boolean;
  /** Shows the form's own messages when what was typed cannot be tested. */
  onInvalid: (errors: Record<string, string>) => void;
}

/** Connects once with what is typed, saves nothing, and says who the database says you are. */
export function SyncTestButton({ draft, disabled, onInvalid }: Props) {
  const [test, setTest] = useState<TestState>({ step: 'idle' });

  async function run() {
    const checked = syncInput(draft);
    if ('errors' in checked) {
      onInvalid(checked.errors);
      return;
    }
    const { enabled: _enabled, ...input } = checked.input;
    setTest({ step: 'testing' });
    const result = await api.call('sync.test', input);
    if (!result.ok) {
      setTest({ step: 'done', ok: false, text: `Not tested: ${result.error.message}`, skew: null, tested: draft });
      return;
    }
    setTest({ step: 'done', ok: result.value.ok, text: describeSyncTest(result.value), skew: describeSkew(result.value.skewMs), tested: draft });
  }

  // An answer is about what was typed then: once the connection is edited, it no longer applies.
  const stale = test.step === 'done' && JSON.stringify(test.tested) !== JSON.stringify(draft);
  return (
    <div className="sync-test">
      <button type="button" className="btn" data-testid="sync-test" disabled={disabled || test.step === 'testing'} onClick={() => void run()}>
        {test.step === 'testing' ? 'Testing…' : 'Test connection'}
      </button>
      <div className="sync-test-answer" role="status" data-testid="sync-test-answer">
        {test.step === 'done' && !stale && (
          <>
            <span className={test.ok ? 'sync-test-ok' : 'sync-test-failed'}>
              {test.ok ? '✓ ' : '✕ '}
              {test.text}
            </span>
            {test.skew && <span className="sync-test-skew">{test.skew}</span>}
          </>
        )}
      </div>
    </div>
  );
}
