import type { IncidentStatus } from '../../shared/domain/incident';
import { STATUS_LABELS } from '../lib/labels';

interface Props {
  status: IncidentStatus;
  size?: 'small' | 'large';
  testId?: string;
}

export function StatusBadge({ status, size = 'small', testId }: Props) {
  return (
    <span className={`status status-${status} status-${size}`} data-testid={testId}>
      <span className="status-dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}
