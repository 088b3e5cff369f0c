import { lazy, Suspense } from 'react';
import { useConnection } from '../store/connection-store';
import { useOpenIncident } from '../store/open-incident-store';
import { useRoute } from '../store/route-store';
import { EmptyState } from './EmptyState';
import { IncidentScreen } from './IncidentScreen';
import { Notice } from './Notice';

// Charts (recharts) load only when the metrics are opened, and the post-mortem and settings
// screens when they are: the war room's first script is only what the war room draws.
const MetricsView = lazy(() => import('./metrics/MetricsView').then((m) => ({ default: m.MetricsView })));
// The Drills view charts too; the debrief is only for drills: neither weighs on the war room's start.
const DrillsView = lazy(() => import('./drills/DrillsView').then((m) => ({ default: m.DrillsView })));
const DebriefView = lazy(() => import('./drills/DebriefView').then((m) => ({ default: m.DebriefView })));
const PostmortemView = lazy(() => import('./postmortem/PostmortemView').then((m) => ({ default: m.PostmortemView })));
const SettingsView = lazy(() => import('./settings/SettingsView').then((m) => ({ default: m.SettingsView })));

export function MainPane() {
  const connection = useConnection((s) => s.state);
  const everOpened = useConnection((s) => s.everOpened);
  const incidentId = useOpenIncident((s) => s.incidentId);
  const incident = useOpenIncident((s) => s.incident);
  const error = useOpenIncident((s) => s.error);
  const view = useRoute((s) => s.view);

  if (connection === 'signed-out' && !everOpened) {
    return (
      <Notice tone="danger" title="This browser is not signed in to the host" testId="signed-out-notice">
        Open the address the host printed when it started (<code>Command Post is running at http://127.0.0.1:PORT/?launch=…</code>);
        each address signs in one browser, once. Restarting the host (<code>npm run serve</code>) prints a new one. This page
        keeps trying in the background.
      </Notice>
    );
  }
  if (connection === 'closed' && !everOpened) {
    return (
      <Notice tone="danger" title="Cannot reach the engine" testId="offline-notice">
        The host is not running, or not at this address. Start it (<code>npm run serve</code>) and open the address it
        prints; this page keeps trying in the background.
      </Notice>
    );
  }
  if (view === 'metrics') {
    return (
      <Suspense fallback={<Notice title="Loading metrics…" />}>
        <MetricsView />
      </Suspense>
    );
  }
  if (view === 'drills') {
    return (
      <Suspense fallback={<Notice title="Loading drills…" />}>
        <DrillsView />
      </Suspense>
    );
  }
  if (view === 'debrief' && incidentId !== null) {
    return (
      <Suspense fallback={<Notice title="Loading the debrief…" />}>
        <DebriefView key={incidentId} incidentId={incidentId} />
      </Suspense>
    );
  }
  if (view === 'settings') {
    return (
      <Suspense fallback={<Notice title="Loading settings…" />}>
        <SettingsView />
      </Suspense>
    );
  }
  if (incident && incident.id === incidentId) {
    if (view !== 'postmortem') return <IncidentScreen incident={incident} />;
    return (
      <Suspense fallback={<Notice title="Loading the post-mortem…" />}>
        <PostmortemView incident={incident} />
      </Suspense>
    );
  }
  if (incidentId === null) return <EmptyState />;
  if (error) {
    const title = error.code === 'NOT_FOUND' ? 'No such incident on this machine' : 'Could not open this incident';
    return (
      <Notice tone="danger" title={title}>
        {error.message}
      </Notice>
    );
  }
  return <Notice title="Opening incident…" />;
}
