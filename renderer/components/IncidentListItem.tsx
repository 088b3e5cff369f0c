import type { IncidentListItem as Item } from '../../shared/contract/contract';
import { isOpen } from '../../shared/domain/incident';
import { followUpMarkers } from '../lib/list-filter';
import { formatElapsedShort } from '../lib/time';
import { useNow } from '../lib/use-now';
import { useTimeZone } from '../lib/zone';
import { useRoute } from '../store/route-store';
import { selectIncident } from '../store/selection';
import { useSyncOn } from '../store/sync-status-store';
import { DrillMark } from './drills/DrillMark';
import { SeverityChip } from './SeverityChip';
import { StatusBadge } from './StatusBadge';

interface Props {
  item: Item;
  selected: boolean;
}

export function IncidentListItem({ item, selected }: Props) {
  const now = useNow();
  const zone = useTimeZone();
  const view = useRoute((s) => s.view);
  const open = isOpen(item.status);
  // A finished incident shows how long it lasted, not how long ago its last edit was.
  const end = open ? now : (item.timestamps.resolvedAt ?? item.timestamps.closedAt ?? item.updatedAt);
  // A drill's times are drill time: the wall cannot measure them, so the row says DRILL instead.
  const elapsed = item.declaredAt === null || item.drill ? null : formatElapsedShort(end - item.declaredAt);
  const damaged = item.integrity.status !== 'ok';
  const { reviewOverdue, overdueActions } = followUpMarkers(item, now, zone);
  // With sync off every incident is local, and saying so on each row would be noise.
  const syncOn = useSyncOn();

  return (
    <button
      type="button"
      className={`incident-item sev-edge-${item.severity.toLowerCase()}${selected ? ' is-selected' : ''}${open ? '' : ' is-done'}${item.drill ? ' is-drill' : ''}`}
      data-testid="incident-list-item"
      data-incident-id={item.id}
      aria-current={selected ? 'true' : undefined}
      // From the post-mortem of one incident, another incident opens on its post-mortem too.
      onClick={() => selectIncident(item.id, view === 'postmortem' || (view === 'debrief' && item.drill) ? view : 'war-room')}
    >
      <span className="incident-item-top">
        <SeverityChip severity={item.severity} size="small" />
        <StatusBadge status={item.status} size="small" />
        {item.drill && <DrillMark drill={item.drill} />}
        {syncOn && (
          <span
            className={`sharing-mark${item.shared ? ' is-shared' : ''}`}
            data-testid="incident-sharing"
            data-shared={item.shared}
            title={item.shared ? 'Shared with the team: teammates see it live' : 'Only on this machine: open it and choose Share with team to share it'}
          >
            {item.shared ? 'Shared' : 'Local'}
          </span>
        )}
        {damaged && (
          <span className={`integrity-dot integrity-${item.integrity.status}`} title={`Journal ${item.integrity.status}`}>
            !
          </span>
        )}
        <span className="incident-item-elapsed" title={open ? 'Time since declaration' : 'Declaration to resolution'}>
          {elapsed}
        </span>
      </span>
      <span className="incident-item-title">{item.title}</span>
      <span className="incident-item-meta">
        {item.id} · {item.entryCount.toLocaleString()} {item.entryCount === 1 ? 'entry' : 'entries'}
      </span>
      {(reviewOverdue || overdueActions > 0) && (
        <span className="incident-item-flags">
          {reviewOverdue && (
            <span className="follow-up follow-up-review" data-testid="marker-review-overdue" title="The post-incident review date has passed and it has not been held">
              Review overdue
            </span>
          )}
          {overdueActions > 0 && (
            <span className="follow-up follow-up-actions" data-testid="marker-actions-overdue" title="Action items past their due date and not done">
              {overdueActions} {overdueActions === 1 ? 'action' : 'actions'} overdue
            </span>
          )}
        </span>
      )}
    </button>
  );
}
