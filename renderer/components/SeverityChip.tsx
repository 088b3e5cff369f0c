import type { Severity } from '../../shared/domain/incident';

const MEANING: Record<Severity, string> = {
  SEV1: 'Critical',
  SEV2: 'Major',
  SEV3: 'Minor',
  SEV4: 'Low',
};

interface Props {
  severity: Severity;
  size?: 'small' | 'large';
  testId?: string;
}

export function SeverityChip({ severity, size = 'small', testId }: Props) {
  return (
    <span
      className={`sev-chip sev-${severity.toLowerCase()} sev-chip-${size}`}
      title={`${severity} — ${MEANING[severity]}`}
      data-testid={testId}
    >
      {severity}
    </span>
  );
}

export { MEANING as SEVERITY_MEANING };
