// What the window shows about team sync: one value, polled by the window and drawn as the
// indicator in the war room header and the list. Pure types and wording; no I/O.

export const SYNC_STATES = ['off', 'connecting', 'synced', 'syncing', 'offline', 'error'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/** An event from the database that failed the gate: kept aside, never applied, reported. */
export interface QuarantinedEvent {
  incidentId: string;
  eventId: string;
  serverSeq: number;
  /** The database login that inserted it. */
  uploadedBy: string;
  reason: string;
  at: number;
}

export interface SyncStatus {
  state: SyncState;
  /** This console's id (the node of its clock stamps). */
  consoleId: string;
  team: string | null;
  /** The database login, once connected. */
  login: string | null;
  /** Where, without the password: `ic@db.example.com:5432/command_post`. */
  target: string | null;
  /** Events made here (or imported here) into shared incidents and not yet in the database. */
  waiting: number;
  /** When the database was last reached, if it is not now. */
  offlineSince: number | null;
  lastSyncedAt: number | null;
  /** Why it cannot sync, in words a person can act on; set in `offline` and `error`. */
  problem: { code: string; message: string } | null;
  /** This machine's clock minus the database's, when more than five minutes apart. */
  skewMs: number | null;
  quarantined: QuarantinedEvent[];
  /** Incidents shared with the team from this console's point of view. */
  shared: string[];
  /** The connection came from --sync-url or the environment: it is changed there, not in Settings. */
  fromCommandLine?: boolean;
}

export const SKEW_WARNING_MS = 5 * 60_000;

export function offStatus(consoleId: string): SyncStatus {
  return {
    state: 'off',
    consoleId,
    team: null,
    login: null,
    target: null,
    waiting: 0,
    offlineSince: null,
    lastSyncedAt: null,
    problem: null,
    skewMs: null,
    quarantined: [],
    shared: [],
  };
}

/** The indicator's words: "Synced", "Syncing 12", "Offline since 03:14 · 12 waiting", "Sync error: …". */
export function describeSync(status: SyncStatus, formatTime: (ms: number) => string): { label: string; detail: string } {
  const waiting = status.waiting > 0 ? `${status.waiting} ${status.waiting === 1 ? 'event' : 'events'} waiting` : 'nothing waiting';
  switch (status.state) {
    case 'off':
      return { label: 'Local only', detail: 'Team sync is off: incidents stay on this machine.' };
    case 'connecting':
      return { label: 'Connecting…', detail: `Reaching ${status.target ?? 'the team database'}; ${waiting}.` };
    case 'synced':
      return { label: 'Synced', detail: `Team ${status.team ?? ''} as ${status.login ?? ''}; everything made here is in the team database.` };
    case 'syncing':
      return { label: `Syncing ${status.waiting}`, detail: `Sending to team ${status.team ?? ''}: ${waiting}.` };
    case 'offline': {
      const since = status.offlineSince !== null ? ` since ${formatTime(status.offlineSince)}` : '';
      return {
        label: `Offline${since}${status.waiting > 0 ? ` · ${status.waiting} waiting` : ''}`,
        detail: `${status.problem?.message ?? 'The team database cannot be reached.'} Work goes on here and is sent when it is back; ${waiting}.`,
      };
    }
    case 'error':
      return {
        label: `Sync error: ${shortReason(status.problem?.code)}`,
        detail: `${status.problem?.message ?? 'Team sync stopped.'} ${whereToFix(nextStep(status.problem?.code), status.fromCommandLine === true)} Work goes on here meanwhile; ${waiting}.`,
      };
  }
}

/** "7 min ahead", "1 h 5 min behind": how far this machine's clock is from the database's. */
function skewWords(skewMs: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(skewMs) / 60_000));
  const amount = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;
  return `${amount} ${skewMs > 0 ? 'ahead of' : 'behind'}`;
}

/** The warning shown when this machine's clock is far from the database's; null when it is close enough. */
export function describeSkew(skewMs: number | null): string | null {
  if (skewMs === null) return null;
  return `This machine's clock is ${skewWords(skewMs)} the team database: times you log may look wrong to teammates. Set the clock right (automatic time) and they will line up again.`;
}

/** What a connection test found (`sync.test`). */
export interface SyncTestAnswer {
  ok: boolean;
  login: string | null;
  team: string | null;
  schemaVersion: number | null;
  /** This machine's clock minus the database's, when more than five minutes apart. */
  skewMs: number | null;
  /** Set when it did not work: the problem's code and a message without the password. */
  problem: { code: string; message: string } | null;
}

/** "Connected as ic to team dev, schema 1", or "Not connected: " and the engine's words for why. */
export function describeSyncTest(answer: Omit<SyncTestAnswer, 'skewMs'>): string {
  if (answer.ok) {
    const schema = answer.schemaVersion === null ? '' : `, schema ${answer.schemaVersion}`;
    return `Connected as ${answer.login ?? '?'} to team ${answer.team ?? '?'}${schema}`;
  }
  return `Not connected: ${answer.problem?.message ?? 'the test failed without saying why.'}`;
}

/** Settings cannot change a connection given on the command line: say where it is changed instead. */
function whereToFix(step: string, fromCommandLine: boolean): string {
  if (!fromCommandLine) return step;
  const there = 'this console was started with --sync-url (or COMMAND_POST_SYNC_URL): correct it there and restart.';
  return step.replace(/ in Settings → Team sync\.$/, `: ${there}`).replace(/^Check Settings → Team sync, or ask whoever runs the team database\.$/, `Check the connection: ${there}`);
}

/** What the person at the console can do about an error, in one sentence. */
function nextStep(code: string | undefined): string {
  switch (code) {
    case 'auth':
      return 'Check the user name and password in Settings → Team sync.';
    case 'unknown-host':
      return 'Check the host name in the connection URL in Settings → Team sync.';
    case 'tls':
      return 'The database must offer TLS with a certificate this machine trusts (sslmode=verify-full): ask whoever runs it.';
    case 'schema-old':
      return 'Ask whoever runs the team database to bring its schema up to date (npm run db:migrate).';
    case 'schema-new':
      return 'The team database is newer than this console: update Command Post here.';
    case 'permission':
      return 'Ask whoever runs the team database to add your login to this team.';
    case 'console-taken':
      return 'Another login already uses this console id: ask whoever runs the team database to release it.';
    default:
      return 'Check Settings → Team sync, or ask whoever runs the team database.';
  }
}

function shortReason(code: string | undefined): string {
  switch (code) {
    case 'auth':
      return 'wrong password';
    case 'unknown-host':
      return 'unknown host';
    case 'tls':
      return 'TLS refused';
    case 'schema-old':
      return 'schema too old';
    case 'schema-new':
      return 'schema too new';
    case 'permission':
      return 'permission denied';
    case 'console-taken':
      return 'console id taken';
    case 'unreachable':
      return 'unreachable';
    default:
      return 'see details';
  }
}
