import type { IncidentView } from '../../../shared/contract/contract';
import { formatSpan } from '../../../shared/domain/clocks';
import { cadenceTone, lastUpdateAt, nextUpdateDue } from '../../../shared/domain/deadlines';
import type { Audience, DraftKind } from '../../../shared/domain/incident';
import { formatClock, formatElapsedShort, formatUtc } from '../../lib/time';
import { openDialog } from '../../store/war-room-store';
import { DRAFT_INTERNAL_KEYS } from './draft-shortcut';
import { AUDIENCE_LABELS } from './labels';
import { ShortcutHint } from './ShortcutHint';

const DRAFTS: Record<Audience, [DraftKind, string][]> = {
  internal: [
    ['internal', 'Draft update'],
    ['executive', 'Exec summary'],
  ],
  external: [
    ['external', 'Draft update'],
    ['resolution', 'Resolution'],
  ],
};

const RESPONDING = new Set(['investigating', 'identified', 'mitigated']);

function every(ms: number | null): string {
  if (ms === null) return 'no regular updates';
  const minutes = ms / 60_000;
  return minutes < 1 ? `every ${Math.round(ms / 1000)} s` : `every ${Math.round(minutes * 10) / 10} min`;
}

/**
 * The countdown to an audience's next update, drawn from the deadline in the state: calm,
 * amber in the last two minutes, red and counting up once overdue — whether or not the
 * alert event was seen by this window.
 */
export function CadenceClock({ incident, audience, now }: { incident: IncidentView; audience: Audience; now: number }) {
  const due = nextUpdateDue(incident, audience);
  const tone = cadenceTone(due, now);
  const clock = incident.cadence[audience];
  const last = lastUpdateAt(incident, audience);
  const overdue = tone === 'overdue';
  let big = '—';
  if (due !== null) big = overdue ? `+${formatSpan(now - due)}` : formatSpan(due - now);
  let state: string;
  if (due === null) state = RESPONDING.has(incident.status) ? 'No update due' : 'Clock stopped';
  else if (overdue) state = 'Overdue';
  else state = `Due ${formatClock(due)}`;
  const first = last === null && clock.firstMs !== null && clock.firstMs !== clock.intervalMs;

  return (
    <section className={`cadence tone-${tone}`} data-testid={`cadence-${audience}`} data-tone={tone} aria-label={`${AUDIENCE_LABELS[audience]} update clock`}>
      <div className="cadence-top">
        <h2 className="cadence-title">{AUDIENCE_LABELS[audience]} update</h2>
        <span className="cadence-state" data-testid={`cadence-${audience}-state`}>
          {state}
        </span>
      </div>
      <div className="cadence-time" data-testid={`cadence-${audience}-time`} role="timer" title={due === null ? undefined : `Due ${formatUtc(due)}`}>
        {big}
      </div>
      <div className="cadence-meta">
        <button
          type="button"
          className="cadence-interval"
          data-testid={`cadence-${audience}-change`}
          title="Change this audience's cadence"
          disabled={incident.status === 'closed'}
          onClick={() => openDialog({ kind: 'cadence', audience })}
        >
          {first ? `first within ${formatSpan(clock.firstMs!)}, then ` : ''}
          {every(clock.intervalMs)} ✎
        </button>
        <span className="cadence-last" title={last === null ? undefined : formatUtc(last)}>
          {last === null ? 'none sent yet' : `last ${formatClock(last)} (${formatElapsedShort(now - last)} ago)`}
        </span>
      </div>
      <div className="cadence-actions">
        {DRAFTS[audience].map(([kind, label], i) => (
          <button
            key={kind}
            type="button"
            className={`btn btn-sm${i === 0 ? (overdue ? ' btn-danger' : ' btn-primary') : ''}`}
            data-testid={`draft-${kind}`}
            onClick={() => openDialog({ kind: 'draft', draftKind: kind })}
            title={kind === 'internal' ? `Draft the internal update (${DRAFT_INTERNAL_KEYS.join('+')})` : undefined}
          >
            {label}
            {kind === 'internal' && <ShortcutHint keys={DRAFT_INTERNAL_KEYS} />}
          </button>
        ))}
      </div>
    </section>
  );
}
