import type { Audience, DraftKind, WorkstreamKind, WorkstreamStatus } from '../../../shared/domain/incident';

export const WORKSTREAM_KIND_LABELS: Record<WorkstreamKind, string> = {
  investigate: 'Investigate',
  mitigate: 'Mitigate',
  communicate: 'Communicate',
  customer: 'Customer',
  other: 'Other',
};

export const WORKSTREAM_STATUS_LABELS: Record<WorkstreamStatus, string> = {
  active: 'Active',
  blocked: 'Blocked',
  done: 'Done',
};

export const DRAFT_LABELS: Record<DraftKind, string> = {
  internal: 'Internal update',
  external: 'External update',
  executive: 'Executive summary',
  resolution: 'Resolution notice',
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  internal: 'Internal',
  external: 'External',
};
