import type { ActionPriority, ActionStatus, FactorTag } from '../../../shared/domain/incident';

export const FACTOR_LABELS: Record<FactorTag, string> = {
  configuration: 'Configuration',
  'code-change': 'Code change',
  dependency: 'Dependency',
  capacity: 'Capacity',
  process: 'Process',
  detection: 'Detection',
  tooling: 'Tooling',
  other: 'Other',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

export const PRIORITY_LABELS: Record<ActionPriority, string> = {
  P1: 'P1 · urgent',
  P2: 'P2 · soon',
  P3: 'P3 · later',
};
