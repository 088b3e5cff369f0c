import { useMemo } from 'react';
import { useIncidentList } from '../../store/incident-list-store';
import { useSettings } from '../../store/settings-store';
import { Notice } from '../Notice';
import { RecoveryNotesCard } from './RecoveryNotesCard';
import { ResponderHoursCard } from './ResponderHoursCard';
import { ResponderPeopleCard } from './ResponderPeopleCard';
import { alphabetical } from './responder-words';
import { useEngineReport } from './use-engine-report';
import './Availability.css';

interface Props {
  from: number | null;
  to: number | null;
  now: number;
}

/** The toll incidents take on the people who answer them: for the team's leads, only when Settings turns it on. */
export function RespondersView({ from, to, now }: Props) {
  const settings = useSettings((s) => s.settings);
  const items = useIncidentList((s) => s.items);
  const on = settings?.showResponderToll === true;
  const report = useEngineReport('metrics.responders', { from, to }, [from, to, now, items, settings], on);
  const people = useMemo(() => alphabetical(report.value?.people ?? []), [report.value]);

  if (!settings) return <Notice title="Loading settings…" />;
  if (!on) {
    return (
      <Notice title="Responder figures are off on this console" testId="responders-off">
        <p>
          Hours on incidents per person, hours outside their working hours and long stretches without a handoff are for the
          team’s leads, to plan rest and recovery — never to compare people. They are private by default and not in exports
          unless you ask.
        </p>
        <p>
          <a href="#/settings/roster" data-testid="responders-turn-on">
            Turn them on in Settings → Roster
          </a>{' '}
          on a console the leads use.
        </p>
      </Notice>
    );
  }
  if (report.status === 'failed' && !report.value) return <Notice tone="danger" title="Could not compute the responder figures">{report.error.message}</Notice>;
  if (!report.value) return <Notice title="Adding up the hours…" />;
  return (
    <div className="av" data-testid="responders-view">
      <p className="rt-private" role="note">
        For the team’s leads: to plan rest and recovery, not to compare people. Alphabetical; not in exports unless you ask
        (the post-mortem’s Export bundle offers them). Drills are left out.
      </p>
      <div className="mx-grid av-grid">
        <ResponderHoursCard people={people} />
        <ResponderPeopleCard people={people} stretchHours={settings.shiftLimitHours} />
      </div>
      <RecoveryNotesCard recovery={report.value.recovery} />
    </div>
  );
}
