import type { IncidentListItem as Item } from '../../shared/contract/contract';
import { isOpen } from '../../shared/domain/incident';
import { formatElapsedShort } from '../lib/time';
import { useNow } from '../lib/use-now';
import { selectIncident } from '../store/selection';
import { SeverityChip } from './SeverityChip';
import { StatusBadge } from './StatusBadge';

interface Props {
  item: Item;
  selected: boolean;
}

export function IncidentListItem({ item, selected }: Props) {
  const now = useNow();
  const open = isOpen(item.status);
  const end = open ? now : item.updatedAt;
  const elapsed = item.declaredAt === null ? null : formatElapsedShort(end - item.declaredAt);
  const damaged = item.integrity.status !== 'ok';

  return (
    <button
      type="button"
      className={`incident-item sev-edge-${item.severity.toLowerCase()}${selected ? ' is-selected' : ''}${open ? '' : ' is-done'}`}
      data-testid="incident-list-item"
      data-incident-id={item.id}
      aria-current={selected ? 'true' : undefined}
      onClick={() => selectIncident(item.id)}
    >
      <span className="incident-item-top">
        <SeverityChip severity={item.severity} size="small" />
        <StatusBadge status={item.status} size="small" />
        {damaged && (
          <span className={`integrity-dot integrity-${item.integrity.status}`} title={`Journal ${item.integrity.status}`}>
            !
          </span>
        )}
        <span className="incident-item-elapsed" title="Time since declaration">
          {elapsed}
        </span>
      </span>
      <span className="incident-item-title">{item.title}</span>
      <span className="incident-item-meta">
        {item.id} · {item.entryCount.toLocaleString()} {item.entryCount === 1 ? 'entry' : 'entries'}
      </span>
    </button>
  );
}
