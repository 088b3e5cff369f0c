import { composeDraft } from '../../../../shared/domain/drafts/compose';
import type { DraftExtras } from '../../../../shared/domain/drafts/values';
import type { DraftKind, IncidentState } from '../../../../shared/domain/incident';
import type { Settings } from '../../../../shared/domain/settings';
import { zoneOf } from '../../../../shared/time/zone';
import { type DraftWork, newDraftId } from '../../../store/draft-store';
import { nowOn } from '../../../lib/incident-now';

const DEFAULT_CHANNEL: Record<DraftKind, string> = {
  internal: 'Slack #incidents',
  executive: 'Email',
  external: 'Status page',
  resolution: 'Status page',
};

/** The extra fields each kind's default template uses, in the order asked. */
export const EXTRAS_FOR: Record<DraftKind, (keyof DraftExtras)[]> = {
  internal: ['needs', 'affected'],
  external: ['affected'],
  executive: ['businessRisk', 'etaConfidence', 'asks', 'affected'],
  resolution: ['cause', 'fix', 'affected'],
};

export const EXTRA_LABELS: Record<keyof DraftExtras, { label: string; placeholder: string }> = {
  affected: { label: 'Affected', placeholder: 'e.g. EU checkout and saved cards' },
  businessRisk: { label: 'Business risk', placeholder: 'e.g. ~€40k/h of EU orders; merchant SLAs at risk after 2 h' },
  etaConfidence: { label: 'ETA confidence', placeholder: 'e.g. Mitigation within 30 min, medium confidence' },
  asks: { label: 'Asks', placeholder: 'e.g. Approve a freeze on checkout-api deploys' },
  needs: { label: 'Needs', placeholder: 'e.g. A payments provider contact' },
  cause: { label: 'Cause', placeholder: 'e.g. A connection pool limit too low for EU traffic' },
  fix: { label: 'Fix', placeholder: 'e.g. Rolled back, then raised the limit per pod' },
};

export function composeWork(state: IncidentState, kind: DraftKind, settings: Settings, work: DraftWork): DraftWork {
  const { body, problems } = composeDraft(state, kind, settings.templates[kind], nowOn(state), zoneOf(settings), work.extras);
  return { ...work, body, problems, bodyEdited: false };
}

export function freshWork(state: IncidentState, kind: DraftKind, settings: Settings): DraftWork {
  return composeWork(state, kind, settings, {
    draftId: newDraftId(),
    extras: {},
    body: '',
    bodyEdited: false,
    problems: [],
    channel: DEFAULT_CHANNEL[kind],
    recipients: '',
  });
}
