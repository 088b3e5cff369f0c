import type { ChecklistItemProgress } from '../../../shared/guidance/checklists';
import { formatClock, formatUtc } from '../../lib/time';

interface Props {
  index: number;
  progress: ChecklistItemProgress;
  disabled: boolean;
  onTick: (done: boolean) => void;
}

/** One item: a real checkbox (Space ticks it), and who ticked it when. */
export function ChecklistItemRow({ index, progress, disabled, onTick }: Props) {
  const { item, done, by, at } = progress;
  return (
    <li className={`checklist-item${done ? ' is-done' : ''}`} data-testid="checklist-item" data-done={done}>
      <label className="checklist-label">
        <input type="checkbox" className="check" data-testid={`checklist-check-${index}`} checked={done} disabled={disabled} onChange={(e) => onTick(e.target.checked)} />
        <span className="checklist-text" dir="auto">
          {item}
        </span>
      </label>
      {done && by !== null && at !== null && (
        <span className="checklist-who" data-testid="checklist-who" title={formatUtc(at)}>
          {by} · {formatClock(at).slice(0, 5)}
        </span>
      )}
    </li>
  );
}
