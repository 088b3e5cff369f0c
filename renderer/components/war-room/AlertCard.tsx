import { useState } from 'react';
import type { AlertRecord } from '../../../shared/domain/incident';
import { zoneAbbreviation } from '../../../shared/time/format';
import type { TimeZone } from '../../../shared/time/zone';
import { ALERT_STATUS_WORDS, labelChips, openableLinks } from '../../lib/alert-view';
import { formatMoment, formatUtc } from '../../lib/time';

function Moment({ label, ms, now, zone }: { label: string; ms: number; now: number; zone: TimeZone }) {
  return (
    <span className="alert-card-time">
      {label}{' '}
      <time dateTime={new Date(ms).toISOString()} title={formatUtc(ms)}>
        {formatMoment(ms, now, zone)} {zoneAbbreviation(ms, zone)}
      </time>
    </span>
  );
}

/** One alert as monitoring last said it: what, where, since when, and where to read more. */
export function AlertCard({ record, now, zone }: { record: AlertRecord; now: number; zone: TimeZone }) {
  const { alert } = record;
  const [allLabels, setAllLabels] = useState(false);
  const chips = labelChips(alert.labels, allLabels ? Number.POSITIVE_INFINITY : 8);
  const links = openableLinks(alert.links);
  return (
    <li className={`alert-card alert-card-${alert.status}`} data-testid="alert-card" data-status={alert.status}>
      <div className="alert-card-head">
        <span className={`alert-state alert-state-${alert.status}`} data-testid="alert-card-status">
          <span className="status-dot" aria-hidden="true" />
          {ALERT_STATUS_WORDS[alert.status]}
        </span>
        <strong className="alert-card-name" dir="auto" data-testid="alert-card-name">
          {alert.name}
        </strong>
      </div>
      <div className="alert-card-meta">
        {alert.service && <span className="alert-card-service" title="Service">{alert.service}</span>}
        {alert.severity && <span className="alert-card-severity" title="Severity label from monitoring">{alert.severity}</span>}
        {alert.suppressed && (
          <span className="alert-card-held" title="Alertmanager holds it back: a silence or an inhibiting alert">
            silenced
          </span>
        )}
      </div>
      <div className="alert-card-times">
        {alert.startsAt !== null && <Moment label="Started" ms={alert.startsAt} now={now} zone={zone} />}
        {alert.endsAt !== null && <Moment label="Ended" ms={alert.endsAt} now={now} zone={zone} />}
      </div>
      {alert.summary && (
        <p className="alert-card-summary" dir="auto">
          {alert.summary}
        </p>
      )}
      {(chips.shown.length > 0 || chips.more > 0) && (
        <ul className="alert-card-labels" aria-label="Labels">
          {chips.shown.map(([name, value]) => (
            <li key={name} className="alert-label" title={`${name}=${value}`}>
              <span className="alert-label-name">{name}</span>={value}
            </li>
          ))}
          {(chips.more > 0 || allLabels) && (
            <li>
              <button type="button" className="alert-label alert-label-more" aria-expanded={allLabels} onClick={() => setAllLabels(!allLabels)}>
                {allLabels ? 'Fewer' : `+${chips.more} more`}
              </button>
            </li>
          )}
        </ul>
      )}
      {links.length > 0 && (
        <div className="alert-card-links">
          {links.map((link) => (
            // Electron hands an http(s) link that opens a window to the system browser; nothing else leaves the app.
            <a key={link.url} className="btn btn-sm alert-card-link" href={link.url} target="_blank" rel="noopener noreferrer" title={link.url} data-testid="alert-card-link">
              {link.label} ↗
            </a>
          ))}
        </div>
      )}
    </li>
  );
}
