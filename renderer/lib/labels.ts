import type { DetectionSource, EntryKind, IncidentStatus } from '../../shared/domain/incident';

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  detected: 'Detected',
  investigating: 'Investigating',
  identified: 'Identified',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const DETECTION_LABELS: Record<DetectionSource, string> = {
  alert: 'Alert',
  'customer-report': 'Customer report',
  internal: 'Internal',
};

export const KIND_LABELS: Record<EntryKind, string> = {
  note: 'Note',
  decision: 'Decision',
  hypothesis: 'Hypothesis',
  action: 'Action',
  finding: 'Finding',
  mitigation: 'Mitigation',
  comms: 'Comms',
  todo: 'TODO',
  system: 'System',
  alert: 'Alert',
  inject: 'Drill inject',
};
