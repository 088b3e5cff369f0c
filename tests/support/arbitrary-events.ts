// fast-check generators of VALID incident events: every type of shared/domain/events.ts, with
// values inside the limits of shared/domain/event-schema.ts (what an imported journal may hold),
// biased towards what breaks renderers: Markdown and HTML syntax, formula-like text, JavaScript
// property names as ids and names, empty strings, times at both ends of the allowed range,
// absurd cadences. For properties such as "exports never throw" and for fuzzing the import gate.
import { formatStamp } from '../../shared/domain/hlc';
import fc from 'fast-check';
import { DRILL_SPEEDS, INJECT_KINDS } from '../../shared/drills/types';
import type { EventDraft, IncidentEvent, IncidentEventType } from '../../shared/domain/events';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  AUDIENCES,
  BACKFILL_FIELDS,
  DETECTION_SOURCES,
  DISMISS_OUTCOMES,
  DRAFT_KINDS,
  ENTRY_KINDS,
  FACTOR_TAGS,
  ROLE_KEYS,
  SEVERITIES,
  STATUSES,
  WORKSTREAM_KINDS,
  WORKSTREAM_STATUSES,
} from '../../shared/domain/incident';

export interface EventOptions {
  /** At most this many events after the opening (default 40). */
  maxEvents?: number;
  /** Also due dates that fit `YYYY-MM-DD` but are on no calendar (`2026-13-45`); older journals may hold them. */
  impossibleDays?: boolean;
  /**
   * Only what today's import gate accepts (one-line titles and actors, ids that are never an
   * object's own property names, cadences of at most a week, real days). Without it the
   * generator also makes what older journals may hold, so renderers are tried on both.
   */
  strict?: boolean;
  /** Event types never made: e.g. artefacts, whose files a generated bundle cannot carry. */
  without?: readonly IncidentEventType[];
}

const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
const FORBIDDEN_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** The latest time the journal schema accepts (year 2223). */
export const MAX_TIME = 8_000_000_000_000;
const TEXT_MAX = 20_000;

/** Text a renderer must show as text. */
export const TRICKY_TEXT = [
  '',
  ' ',
  'Roll back release 4711',
  'Checkout down\n## Injected heading\n',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '![](https://track.example/p.gif)',
  '[ref]: javascript:alert(1)',
  'a | b | c',
  '- item\n1. step\n> quote\n```\n---',
  '=HYPERLINK("https://evil.example","x")',
  '+1',
  '-1',
  '@SUM(A1)',
  '\t=1+1',
  '\r\n',
  '\u0000\u001b[31m\u0085\u2028\u2029',
  '\u202eevil\u202c',
  'é 漢字 🚨 \ud800',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'incident-commander',
  'technical-lead',
  'Command Post',
  'Dana',
  'dana ',
  '\\',
  '&lt;b&gt; &#x3c;',
  'https://wiki.example.com/runbook?x=1#top',
  'javascript:alert(1)',
];

/** Names that roles, responders and actors share, so stints and attributions line up. */
const NAMES = ['Dana', 'dana ', 'Lee', 'Command Post', 'constructor', 'toString', '', 'incident-commander'];

export const arbitraryText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...TRICKY_TEXT, 'a', ' ', '\n'), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  // Up to the schema's limit; shrinks to short text.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: TEXT_MAX / 4 }).map((n) => '<a|['.repeat(n)) },
);

/** One line of text (titles, actors), as the gate takes them. */
const oneLine = (max: number) => arbitraryText.map((s) => s.slice(0, max)).filter((s) => ONE_LINE.test(s));
/** Days a command may name (years 2000–2199). */
const inCommandYears = (day: string) => day >= '2000' && day < '2200';

/** Text with a smaller schema limit (names of actors, tags, keys). */
const shortText = (max: number) => arbitraryText.map((s) => s.slice(0, max));
const nameText = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: arbitraryText });

/** Mostly within a day of each other, sometimes anywhere in the range the schema allows. */
export const arbitraryTime: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1_790_000_000_000, max: 1_790_100_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_TIME }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, MAX_TIME) },
);
const maybeTime = fc.option(arbitraryTime, { nil: null });

/** A real calendar day, any year from 0000 to 9999. */
export const arbitraryDay: fc.Arbitrary<string> = fc
  .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Fits the journal schema's pattern only: month 13, day 45, year 0000. */
const impossibleDay = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** Positive minutes: a sane cadence, or any positive double the schema lets through (1e300 included). */
const anyPositiveMinutes = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0.05, 1, 5, 15, 20, 30, 60, 1440) },
  { weight: 1, arbitrary: fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }) },
);

type DraftOf<T extends IncidentEventType> = Extract<EventDraft, { type: T }>;
type PayloadOf<T extends IncidentEventType> = DraftOf<T>['payload'];

const draft = <T extends IncidentEventType>(type: T, payload: fc.Arbitrary<PayloadOf<T>>): fc.Arbitrary<DraftOf<T>> =>
  payload.map((p) => ({ type, payload: p }) as DraftOf<T>);
// Records as JSON would give them: plain prototypes, absent keys really absent.
const plain = { noNullPrototype: true } as const;
const partial = { noNullPrototype: true, requiredKeys: [] as never[] } as const;

/**
 * One arbitrary per event type: the mapped type makes this fail to compile when events.ts gains
 * a type the generator does not know. Ids come mostly from a small pool (`e1`, `w1`, `a1`, the
 * system entries of the first events, and JavaScript property names) so that events refer to
 * each other; event ids are `${incidentId}-ev${seq}`.
 */
export function eventDraftArbitraries(incidentId: string, options: EventOptions = {}): { [T in IncidentEventType]: fc.Arbitrary<DraftOf<T>> } {
  const pool = ['e1', 'e2', 'e3', 'w1', 'w2', 'a1', 'a2', 'r1', 'constructor', '__proto__', 'toString', ...[1, 2, 3].map((n) => `${incidentId}-ev${n}:system`)];
  const anyId = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/) });
  const id = options.strict ? anyId.filter((s) => !FORBIDDEN_IDS.has(s)) : anyId;
  const day = options.impossibleDays && !options.strict ? fc.oneof(arbitraryDay, impossibleDay) : options.strict ? arbitraryDay.filter(inCommandYears) : arbitraryDay;
  const text = arbitraryText;
  const title = options.strict ? oneLine(2_000) : text;
  const positiveMinutes = options.strict ? anyPositiveMinutes.filter((m) => m <= 7 * 24 * 60) : anyPositiveMinutes;
  const opening = fc.record(
    {
      title,
      severity: fc.constantFrom(...SEVERITIES),
      detectionSource: fc.constantFrom(...DETECTION_SOURCES),
      summary: text,
      impactStartedAt: maybeTime,
      detectedAt: maybeTime,
    },
    plain,
  );
  const actionFields = {
    title,
    owner: nameText,
    dueDate: fc.option(day, { nil: null }),
    priority: fc.constantFrom(...ACTION_PRIORITIES),
    status: fc.constantFrom(...ACTION_STATUSES),
    link: text,
  };
  const briefing = fc.record({ situation: text, actions: text, decisions: text, nextUpdate: text }, plain);
  const tier = fc.record({ target: nameText, contact: text, delayMinutes: fc.double({ min: 0, max: 1440, noNaN: true }) }, plain);
  return {
    'incident.declared': draft('incident.declared', opening),
    'incident.detected': draft('incident.detected', opening),
    'incident.promoted': draft('incident.promoted', fc.record({ severity: fc.constantFrom(...SEVERITIES), reason: text }, plain)),
    'incident.dismissed': draft('incident.dismissed', fc.record({ outcome: fc.constantFrom(...DISMISS_OUTCOMES), reason: text }, plain)),
    'incident.statusChanged': draft(
      'incident.statusChanged',
      fc.record({ from: fc.constantFrom(...STATUSES), to: fc.constantFrom(...STATUSES), reason: text, reviewNeeded: fc.option(fc.boolean(), { nil: null }) }, plain),
    ),
    'incident.severityChanged': draft(
      'incident.severityChanged',
      fc.record({ from: fc.constantFrom(...SEVERITIES), to: fc.constantFrom(...SEVERITIES), reason: text }, plain),
    ),
    'incident.timeSet': draft('incident.timeSet', fc.record({ field: fc.constantFrom(...BACKFILL_FIELDS), value: maybeTime, previous: maybeTime, reason: text }, plain)),
    'incident.edited': draft(
      'incident.edited',
      fc.record({ title, summary: text, tags: fc.array(shortText(40), { maxLength: 30 }) }, partial),
    ),
    'role.assigned': draft('role.assigned', fc.record({ role: fc.constantFrom(...ROLE_KEYS), name: nameText, contact: text }, plain)),
    'role.handedOff': draft(
      'role.handedOff',
      fc.record({ role: fc.constantFrom(...ROLE_KEYS), from: nameText, name: nameText, contact: text, briefing }, plain),
    ),
    'role.released': draft('role.released', fc.record({ role: fc.constantFrom(...ROLE_KEYS), name: nameText, reason: text }, plain)),
    'responder.joined': draft('responder.joined', fc.record({ responderId: id, name: nameText, contact: text, expertise: text }, plain)),
    'responder.left': draft('responder.left', fc.record({ responderId: id }, plain)),
    'workstream.opened': draft(
      'workstream.opened',
      fc.record({ workstreamId: id, title, kind: fc.constantFrom(...WORKSTREAM_KINDS), owner: nameText, nextStep: text, checkInAt: maybeTime }, plain),
    ),
    'workstream.updated': draft(
      'workstream.updated',
      fc.record(
        {
          workstreamId: id,
          changes: fc.record(
            { title, kind: fc.constantFrom(...WORKSTREAM_KINDS), owner: nameText, status: fc.constantFrom(...WORKSTREAM_STATUSES), nextStep: text, checkInAt: maybeTime },
            partial,
          ),
        },
        plain,
      ),
    ),
    'timeline.logged': draft(
      'timeline.logged',
      fc.record(
        {
          entryId: id,
          text,
          kind: fc.constantFrom(...ENTRY_KINDS),
          occurredAt: arbitraryTime,
          attribution: fc.option(fc.oneof(fc.constantFrom(...ROLE_KEYS), nameText), { nil: null }),
          workstreamId: fc.option(id, { nil: null }),
        },
        plain,
      ),
    ),
    'timeline.amended': draft('timeline.amended', fc.record({ entryId: id, text, kind: fc.constantFrom(...ENTRY_KINDS) }, plain)),
    'timeline.struck': draft('timeline.struck', fc.record({ entryId: id, reason: text }, plain)),
    'timeline.pinned': draft('timeline.pinned', fc.record({ entryId: id, pinned: fc.boolean() }, plain)),
    'cadence.set': draft(
      'cadence.set',
      fc.record(
        { audience: fc.constantFrom(...AUDIENCES), intervalMinutes: fc.option(positiveMinutes, { nil: null }), firstMinutes: fc.option(positiveMinutes, { nil: null }), reason: text },
        plain,
      ),
    ),
    'escalation.policySet': draft('escalation.policySet', fc.record({ severity: fc.constantFrom(...SEVERITIES), tiers: fc.array(tier, { maxLength: 10 }) }, plain)),
    'escalation.paged': draft(
      'escalation.paged',
      fc.record({ target: nameText, contact: text, tier: fc.option(fc.integer({ min: 1 }), { nil: null }), reason: text, dueAt: maybeTime }, plain),
    ),
    'escalation.acknowledged': draft('escalation.acknowledged', fc.record({ by: nameText }, plain)),
    'update.approved': draft('update.approved', fc.record({ draftId: id, kind: fc.constantFrom(...DRAFT_KINDS), bodyHash: shortText(64) }, plain)),
    'update.sent': draft(
      'update.sent',
      fc.record(
        { updateId: id, draftId: id, audience: fc.constantFrom(...AUDIENCES), kind: fc.constantFrom(...DRAFT_KINDS), channel: options.strict ? oneLine(20_000) : text, recipients: options.strict ? oneLine(20_000) : text, body: text, dueAt: maybeTime },
        plain,
      ),
    ),
    'deadline.missed': draft(
      'deadline.missed',
      fc.record({ key: shortText(300), kind: fc.constantFrom('cadence' as const, 'check-in' as const), dueAt: arbitraryTime, label: text }, plain),
    ),
    'postmortem.edited': draft(
      'postmortem.edited',
      fc.record(
        {
          changes: fc.record(
            {
              summary: text,
              impactUsers: text,
              impactServices: text,
              slaBreach: text,
              rootCause: text,
              rootCauseCategory: fc.option(fc.constantFrom(...FACTOR_TAGS), { nil: null }),
              fiveWhys: fc.array(text, { maxLength: 10 }),
              factors: fc.array(fc.record({ tag: fc.constantFrom(...FACTOR_TAGS), text }, plain), { maxLength: 30 }),
              wentWell: text,
              couldImprove: text,
              showNames: fc.boolean(),
              timelineEdits: fc.dictionary(id, fc.record({ included: fc.boolean(), annotation: text }, plain), { maxKeys: 4, noNullPrototype: true }),
              reviewAt: maybeTime,
              reviewHeldAt: maybeTime,
            },
            partial,
          ),
        },
        plain,
      ),
    ),
    'action.added': draft('action.added', fc.record({ item: fc.record({ id, ...actionFields }, plain) }, plain)),
    'action.updated': draft('action.updated', fc.record({ actionId: id, changes: fc.record(actionFields, partial) }, plain)),
    'alert.received': draft(
      'alert.received',
      fc.record(
        {
          alert: fc.record(
            {
              source: fc.constantFrom('alertmanager' as const, 'pagerduty' as const, 'grafana' as const, 'alertmanager-pull' as const),
              groupKey: fc.constantFrom('{}:{alertname="HighErrorRate"}', 'checkout-db'),
              fingerprint: fc.constantFrom('a1b2c3d4e5f60718', 'f00dfeedbeef0001'),
              status: fc.constantFrom('firing' as const, 'resolved' as const, 'acknowledged' as const),
              name: fc.constantFrom('HighErrorRate', 'DiskFull'),
              summary: fc.constantFrom('', 'error rate 14%'),
              description: text,
              labels: fc.constant({ alertname: 'HighErrorRate', severity: 'critical', service: 'checkout' }),
              annotations: fc.constant({ summary: 'error rate 14%' }),
              severity: fc.constantFrom(null, 'critical', 'warning'),
              service: fc.constantFrom(null, 'checkout'),
              startsAt: fc.option(fc.integer({ min: 0, max: 2_000_000_000_000 }), { nil: null }),
              endsAt: fc.option(fc.integer({ min: 0, max: 2_000_000_000_000 }), { nil: null }),
              links: fc.constant([{ label: 'Source', url: 'http://prometheus.example:9090/graph' }]),
            },
            plain,
          ),
        },
        plain,
      ),
    ),
    'alert.silenced': draft(
      'alert.silenced',
      fc.record(
        {
          silenceId: fc.uuid(),
          matchers: fc.constant([{ name: 'alertname', value: 'HighErrorRate' }]),
          endsAt: fc.integer({ min: 0, max: 2_000_000_000_000 }),
          alertmanager: fc.constant('http://alertmanager.example:9093'),
        },
        plain,
      ),
    ),
    'drill.clockSet': draft(
      'drill.clockSet',
      fc.record({ action: fc.constantFrom('pause' as const, 'resume' as const, 'speed' as const, 'end' as const), speed: fc.constantFrom(...DRILL_SPEEDS), wallAt: arbitraryTime, drillAt: arbitraryTime }, plain),
    ),
    'drill.injected': draft(
      'drill.injected',
      fc.record({ injectId: fc.constantFrom('a1', 'ceo-asks', 'errors-double'), kind: fc.constantFrom(...INJECT_KINDS), text, from: fc.constantFrom('', 'CEO', 'Support: Priya'), manual: fc.boolean() }, plain),
    ),
    'drill.injectSkipped': draft('drill.injectSkipped', fc.record({ injectId: fc.constantFrom('a1', 'ceo-asks', 'errors-double'), reason: fc.constantFrom('already mitigated', 'an IC was assigned') }, plain)),
    'artefact.attached': draft(
      'artefact.attached',
      fc.record(
        {
          artefactId: id,
          entryId: id,
          hash: fc.constantFrom('0'.repeat(64), 'ab'.repeat(32), 'f'.repeat(64)),
          name: fc.constantFrom('dashboard.png', 'db.log'),
          mime: fc.constantFrom('image/png' as const, 'text/plain' as const),
          size: fc.integer({ min: 1, max: 26_214_400 }),
          note: fc.constantFrom(null, 'SVG shown as text'),
        },
        plain,
      ),
    ),
    'checklist.ticked': draft('checklist.ticked', fc.record({ item: fc.constantFrom('What is the impact?', 'Is it getting worse?'), done: fc.boolean() }, plain)),
    'alert.silenceEnded': draft('alert.silenceEnded', fc.record({ silenceId: fc.uuid(), reason: fc.constantFrom('the incident resolved', 'expired by Dana') }, plain)),
    'conflict.settled': draft(
      'conflict.settled',
      fc.record({ conflictId: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), field: fc.constantFrom('severity' as const, 'status' as const), value: fc.constantFrom(...SEVERITIES, ...STATUSES) }, plain),
    ),
  };
}

/** As in a real journal, most events are scribe's lines; status moves come next. */
const WEIGHTS: Partial<Record<IncidentEventType, number>> = { 'timeline.logged': 6, 'incident.statusChanged': 2 };

/**
 * Any event after the opening: every type, a second opening included (the reducer ignores it),
 * except in strict mode, where the gate refuses one.
 */
export function arbitraryEventDraft(incidentId: string, options: EventOptions = {}): fc.Arbitrary<EventDraft> {
  const byType = eventDraftArbitraries(incidentId, options);
  const opening = (type: string) => type === 'incident.declared' || type === 'incident.detected';
  return fc.oneof(
    ...Object.entries(byType).filter(([type]) => !(options.strict && opening(type)) && !options.without?.includes(type as IncidentEventType)).map(([type, arbitrary]) => ({
      weight: WEIGHTS[type as IncidentEventType] ?? 1,
      arbitrary: arbitrary as fc.Arbitrary<EventDraft>,
    })),
  );
}

/**
 * In half the sequences, status and severity changes start from where the incident is (as the
 * engine writes them), so that sequences get past detected and investigating; in the other
 * half they start anywhere, as a hand-made journal might.
 */
function followLifecycle(drafts: EventDraft[]): EventDraft[] {
  let status: (typeof STATUSES)[number] = drafts[0]?.type === 'incident.declared' ? 'investigating' : 'detected';
  let severity = drafts[0]?.type === 'incident.declared' || drafts[0]?.type === 'incident.detected' ? drafts[0].payload.severity : 'SEV1';
  return drafts.map((d) => {
    if (d.type === 'incident.statusChanged') {
      const next = { ...d, payload: { ...d.payload, from: status } };
      status = d.payload.to;
      return next;
    }
    if (d.type === 'incident.severityChanged') {
      const next = { ...d, payload: { ...d.payload, from: severity } };
      severity = d.payload.to;
      return next;
    }
    if (d.type === 'incident.promoted' && status === 'detected') [status, severity] = ['investigating', d.payload.severity];
    if (d.type === 'incident.dismissed' && status === 'detected') status = 'closed';
    return d;
  });
}

/**
 * A journal as an import could bring it: an opening (declared or detected), then any mix of
 * events, numbered 1, 2, 3…; times in order or not; passed through JSON as a journal would be.
 */
export function arbitraryEventSequence(incidentId: string, options: EventOptions = {}): fc.Arbitrary<IncidentEvent[]> {
  const byType = eventDraftArbitraries(incidentId, options);
  const actor = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: options.strict ? oneLine(200) : shortText(200) });
  const stamped = <D>(d: fc.Arbitrary<D>) => fc.tuple(d, arbitraryTime, actor);
  const opening = stamped(fc.oneof(byType['incident.declared'], byType['incident.detected']) as fc.Arbitrary<EventDraft>);
  // Lengths spread evenly up to the maximum, not fast-check's usual handful.
  const rest = fc.array(stamped(arbitraryEventDraft(incidentId, options)), { maxLength: options.maxEvents ?? 40, size: 'max' });
  return fc.tuple(opening, rest, fc.boolean(), fc.boolean()).map(([first, more, inOrder, coherent]) => {
    const all = [first, ...more];
    const times = all.map(([, at]) => at);
    if (inOrder) times.sort((a, b) => a - b);
    const drafts = all.map(([d]) => d);
    // Stamped as one console would: never before the one it made last, whatever the times say.
    let wall = 0;
    const events = (coherent ? followLifecycle(drafts) : drafts).map((d, i) => {
      wall = Math.max(wall, times[i]!);
      return { ...d, id: `${incidentId}-ev${i + 1}`, incidentId, seq: i + 1, hlc: formatStamp({ wall, counter: i, node: 'test' }), at: times[i]!, actor: all[i]![2] } as IncidentEvent;
    });
    return JSON.parse(JSON.stringify(events)) as IncidentEvent[];
  });
}
