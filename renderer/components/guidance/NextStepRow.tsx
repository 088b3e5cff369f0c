import type { NextStep } from '../../../shared/guidance/next-steps';
import { ShortcutHint } from '../war-room/ShortcutHint';
import type { StepKey } from './step-action';

interface Props {
  step: NextStep;
  /** The top step explains itself; the rest keep to one line so the list stays short. */
  top: boolean;
  shortcut: StepKey | null;
  /** Null when what the step names is gone (the button is off). */
  onRun: (() => void) | null;
}

const MARK = { urgent: '!', soon: '•', info: 'i' } as const;
const WORD = { urgent: 'Urgent', soon: 'Soon', info: 'When you can' } as const;

export function NextStepRow({ step, top, shortcut, onRun }: Props) {
  const detailId = `step-detail-${step.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <li className={`next-step next-step-${step.severity}${top ? ' is-top' : ''}`} data-testid="next-step" data-step={step.id} data-severity={step.severity} data-action={step.action.kind}>
      <span className="next-step-mark" aria-hidden="true">
        {MARK[step.severity]}
      </span>
      <div className="next-step-body">
        <p className="next-step-title">
          <span className="visually-hidden">{WORD[step.severity]}: </span>
          {step.title}
        </p>
        <p id={detailId} className={top ? 'next-step-detail' : 'visually-hidden'}>
          {step.detail}
        </p>
        <button
          type="button"
          className={`btn btn-sm next-step-action${step.severity === 'urgent' ? ' btn-primary' : ''}`}
          data-testid="next-step-action"
          disabled={onRun === null}
          aria-describedby={detailId}
          aria-keyshortcuts={shortcut?.aria}
          onClick={onRun ?? undefined}
        >
          {step.action.label}
          {shortcut && <ShortcutHint keys={shortcut.keys} />}
        </button>
      </div>
    </li>
  );
}
