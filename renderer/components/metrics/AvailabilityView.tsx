import { useMemo } from 'react';
import { useSettings } from '../../store/settings-store';
import { useIncidentList } from '../../store/incident-list-store';
import { Notice } from '../Notice';
import { AvailabilitySummaryCard } from './AvailabilitySummaryCard';
import { ServiceAvailabilityCard } from './ServiceAvailabilityCard';
import { useEngineReport } from './use-engine-report';
import './Availability.css';

interface Props {
  from: number | null;
  to: number | null;
  /** The current minute: the engine measures "so far", so the figures move with it. */
  now: number;
}

/** Per catalogued service: availability against its objective, from the engine's `metrics.availability`. */
export function AvailabilityView({ from, to, now }: Props) {
  const services = useSettings((s) => s.settings?.services);
  const items = useIncidentList((s) => s.items);
  const report = useEngineReport('metrics.availability', { from, to }, [from, to, now, items, services]);
  const titles = useMemo(() => new Map(items.map((i) => [i.id, i.title])), [items]);

  if (services && services.length === 0) {
    return (
      <Notice title="No services in the catalogue" testId="availability-empty">
        <p>
          Add them in <a href="#/settings/services">Settings → Services</a>, each with its objective (e.g. 99.9 % over 30
          days). Incidents count against a service through their tags and their alerts’ <code>service</code> label.
        </p>
      </Notice>
    );
  }
  if (report.status === 'failed' && !report.value) return <Notice tone="danger" title="Could not compute availability">{report.error.message}</Notice>;
  if (!report.value) return <Notice title="Measuring availability…" />;
  const list = report.value.services;
  return (
    <div className="av" data-testid="availability-view">
      <AvailabilitySummaryCard services={list} />
      <div className="mx-grid av-grid">
        {list.map((s) => (
          <ServiceAvailabilityCard key={s.now.service} report={s} titles={titles} />
        ))}
      </div>
    </div>
  );
}
