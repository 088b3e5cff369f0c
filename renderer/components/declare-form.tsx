import type { DetectionSource, Severity } from '../../shared/domain/incident';
import { DETECTION_SOURCES, SEVERITIES } from '../../shared/domain/incident';
import { DETECTION_LABELS } from '../lib/labels';
import type { Choice } from './ChoiceGroup';
import { SEVERITY_MEANING } from './SeverityChip';

export interface DeclareFormValues {
  title: string;
  severity: Severity;
  detectionSource: DetectionSource;
  summary: string;
}

export const EMPTY_DECLARE_FORM: DeclareFormValues = {
  title: '',
  severity: 'SEV2',
  detectionSource: 'alert',
  summary: '',
};

export const SEVERITY_CHOICES: Choice<Severity>[] = SEVERITIES.map((severity) => ({
  value: severity,
  className: `choice-${severity.toLowerCase()}`,
  label: (
    <>
      <strong>{severity}</strong>
      <small>{SEVERITY_MEANING[severity]}</small>
    </>
  ),
}));

export const DETECTION_CHOICES: Choice<DetectionSource>[] = DETECTION_SOURCES.map((source) => ({
  value: source,
  label: DETECTION_LABELS[source],
}));
