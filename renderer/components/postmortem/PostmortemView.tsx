import { useMemo } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { incidentClocks } from '../../../shared/domain/clocks';
import { placeableArtefacts, placementsOf } from '../../../shared/domain/review/artefact-placement';
import { canOpenTabs } from '../../lib/files';
import { DETECTION_LABELS } from '../../lib/labels';
import { formatMoment, formatUtc } from '../../lib/time';
import { useMinute } from '../../lib/use-minute';
import { useOpenIncident } from '../../store/open-incident-store';
import { navigate } from '../../store/selection';
import { hashOf } from '../../store/route-store';
import { BackIcon, ExportIcon, PrintIcon } from '../icons';
import { SeverityChip } from '../SeverityChip';
import { StatusBadge } from '../StatusBadge';
import { ArtefactViewer } from '../artefacts/ArtefactViewer';
import { ActionItems } from './ActionItems';
import { ArtefactsSection } from './ArtefactsSection';
import { ExportBanner } from './ExportBanner';
import { FactorsSection } from './FactorsSection';
import { type Placing, PostmortemText, Section } from './fields';
import { ImpactSection } from './ImpactSection';
import { PhaseStrip } from './PhaseStrip';
import { ReviewSchedule } from './ReviewSchedule';
import { ResponderTollOption, useResponderTollChoice } from './ResponderTollOption';
import { ReviewTimeline } from './ReviewTimeline';
import { RootCauseSection } from './RootCauseSection';
import { SaveIndicator } from './SaveIndicator';
import { ScribeLogDialog } from './ScribeLogDialog';
import { useBundleExport } from './use-bundle-export';
import { PrintBanner } from './PrintBanner';
import { usePrintout } from './use-printout';
import { useFullTimeline } from './use-full-timeline';
import '../review-kit.css';
import './Postmortem.css';

/** The written review of one incident, beside the timeline it is drawn from. */
export function PostmortemView({ incident }: { incident: IncidentView }) {
  // The reducer changes `incident` in place; the version is what tells React to redraw.
  const version = useOpenIncident((s) => s.version);
  const minute = useMinute();
  const clocks = useMemo(() => incidentClocks(incident, minute), [incident, version, minute]);
  const withTimeline = useFullTimeline(incident, incident.lastSeq);
  const bundle = useBundleExport(incident.id);
  const toll = useResponderTollChoice();
  const pm = incident.postmortem;
  const t = incident.timestamps;
  // Struck lines take their files out of the review; the whole timeline says which are struck.
  const placing = useMemo<Placing>(() => {
    const placeable = placeableArtefacts(withTimeline ?? incident);
    return { placeable, placed: placementsOf(pm, placeable) };
  }, [incident, withTimeline, version]);
  const exporting = bundle.exporting?.state === 'running';
  const print = usePrintout(incident.id);
  const printing = print.printout?.state === 'running';

  return (
    <div className={`pm sev-top-${incident.severity.toLowerCase()}`} data-testid="postmortem-view">
      <header className="pm-head">
        <div className="pm-head-main">
          <nav className="pm-tabs" aria-label="Incident views">
            <a
              className="pm-tab pm-tab-back"
              href={hashOf({ view: 'war-room', incidentId: incident.id })}
              data-testid="pm-back"
              onClick={(e) => {
                e.preventDefault();
                navigate({ view: 'war-room', incidentId: incident.id });
              }}
            >
              <BackIcon />
              Back to war room
            </a>
            <a className="pm-tab is-on" href={hashOf({ view: 'postmortem', incidentId: incident.id })} aria-current="page" data-testid="pm-tab">
              Post-mortem
            </a>
          </nav>
          <div className="pm-title-row">
            <SeverityChip severity={incident.severity} size="large" testId="pm-severity" />
            <h1 className="pm-title" data-testid="pm-title" title={incident.title}>
              {incident.title}
            </h1>
          </div>
          <div className="pm-sub">
            <StatusBadge status={incident.status} size="small" />
            <span className="pm-sub-id">{incident.id}</span>
            <span title={t.declaredAt === null ? undefined : formatUtc(t.declaredAt)}>Declared {t.declaredAt === null ? '—' : formatMoment(t.declaredAt, minute)}</span>
            <span>Detected by {DETECTION_LABELS[incident.detectionSource].toLowerCase()}</span>
            {incident.tags.length > 0 && <span className="pm-tags">{incident.tags.map((tag) => `#${tag}`).join(' ')}</span>}
          </div>
        </div>
        <div className="pm-head-side">
          <SaveIndicator />
          <div className="pm-actions">
            <button
              type="button"
              className="btn btn-small"
              data-testid="pm-print"
              title={canOpenTabs ? 'Open the printable post-mortem in a new tab' : 'Save the printable post-mortem (the bundle also holds a PDF)'}
              disabled={printing}
              onClick={() => void print.start()}
            >
              <PrintIcon />
              {printing ? 'Preparing…' : canOpenTabs ? 'Print / HTML' : 'Save HTML'}
            </button>
            <ScribeLogDialog
              incident={incident}
              version={version}
              trigger={
                <button type="button" className="btn btn-small" data-testid="scribe-open">
                  Scribe log…
                </button>
              }
            />
            <button type="button" className="btn btn-small btn-primary" data-testid="export-bundle" disabled={exporting} onClick={() => void bundle.start(incident.lastSeq, toll.take())}>
              <ExportIcon />
              {exporting ? 'Exporting…' : 'Export bundle'}
            </button>
          </div>
          <ResponderTollOption choice={toll} disabled={exporting} />
        </div>
      </header>
      {bundle.exporting && <ExportBanner exporting={bundle.exporting} onDismiss={bundle.dismiss} />}
      {print.printout && <PrintBanner printout={print.printout} onDismiss={print.dismiss} />}
      <PhaseStrip incident={incident} version={version} />
      <div className="pm-body">
        <div className="pm-doc" data-testid="pm-doc">
          <ReviewSchedule incident={incident} now={minute} />
          <Section title="Summary" testId="pm-summary-section">
            <PostmortemText
              incidentId={incident.id}
              postmortem={pm}
              field="summary"
              label="What happened, in a few sentences"
              multiline
              rows={4}
              placeholder={incident.summary || 'What broke, who noticed, what was done, how it ended.'}
              placing={placing}
            />
          </Section>
          <ImpactSection incidentId={incident.id} postmortem={pm} clocks={clocks} tags={incident.tags} />
          <RootCauseSection incidentId={incident.id} postmortem={pm} placing={placing} />
          <FactorsSection incidentId={incident.id} postmortem={pm} />
          <Section title="Lessons" testId="pm-lessons">
            <div className="pm-grid-2">
              <PostmortemText
                incidentId={incident.id}
                postmortem={pm}
                field="wentWell"
                label="What went well"
                multiline
                rows={4}
                placeholder="Detection, decisions, tools and people that helped."
                placing={placing}
              />
              <PostmortemText
                incidentId={incident.id}
                postmortem={pm}
                field="couldImprove"
                label="What could be improved"
                multiline
                rows={4}
                placeholder="Where the response lost time or information."
                placing={placing}
              />
            </div>
          </Section>
          <ActionItems incidentId={incident.id} items={incident.actionItems} now={minute} />
          <ArtefactsSection incidentId={incident.id} artefacts={incident.artefacts} placed={placing.placed} />
        </div>
        {withTimeline ? <ReviewTimeline incident={withTimeline} version={version} /> : <p className="pm-loading">Loading the timeline…</p>}
      </div>
      <ArtefactViewer />
    </div>
  );
}
