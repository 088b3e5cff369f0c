import { formatSpan, type IncidentClocks } from '../../../shared/domain/clocks';
import type { PostMortem } from '../../../shared/domain/incident';
import { PostmortemText, Section } from './fields';

interface Props {
  incidentId: string;
  postmortem: PostMortem;
  clocks: IncidentClocks;
  tags: string[];
}

/** Who and what was hurt, for how long: the duration comes from the clocks, not from typing. */
export function ImpactSection({ incidentId, postmortem, clocks, tags }: Props) {
  const duration = clocks.ttr ?? clocks.elapsed;
  return (
    <Section title="Impact" testId="pm-impact">
      <div className="pm-grid-2">
        <PostmortemText incidentId={incidentId} postmortem={postmortem} field="impactUsers" label="Users affected" multiline rows={2} placeholder="e.g. ~18% of EU checkouts; 94 merchants with failed orders" />
        <div className="pm-field">
          <span className="pm-field-head">
            <span className="pm-label">Duration</span>
            <span className="field-status">{clocks.ttr ? 'impact start → resolved' : duration?.running ? 'still running' : ''}</span>
          </span>
          <span className="pm-readonly" data-testid="pm-duration">
            {duration ? formatSpan(duration.ms) : '—'}
          </span>
        </div>
        <PostmortemText
          incidentId={incidentId}
          postmortem={postmortem}
          field="impactServices"
          label="Services"
          multiline
          rows={2}
          placeholder={tags.length ? tags.join(', ') : 'checkout-api, payments'}
        />
        <PostmortemText incidentId={incidentId} postmortem={postmortem} field="slaBreach" label="SLA / SLO breach" multiline rows={2} placeholder="e.g. checkout availability SLO (99.9%/30 d): 31% of error budget spent" />
      </div>
    </Section>
  );
}
