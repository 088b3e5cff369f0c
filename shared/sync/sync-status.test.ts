import { describe, expect, it } from 'vitest';
import { describeSkew, describeSync, describeSyncTest, offStatus, type SyncStatus } from './sync-status';

const clock = (ms: number) => `T${ms}`;

function status(patch: Partial<SyncStatus>): SyncStatus {
  return { ...offStatus('ic-laptop-7f3a'), team: 'dev', login: 'ic', target: 'ic@db.example.com:5432/command_post', ...patch };
}

const problem = (code: string, message = `${code} happened.`) => ({ code, message });

describe('the sync indicator in words', () => {
  it('says Local only when sync is off', () => {
    expect(describeSync(offStatus('c-1'), clock)).toEqual({ label: 'Local only', detail: 'Team sync is off: incidents stay on this machine.' });
  });

  it('says Connecting… and where to', () => {
    const words = describeSync(status({ state: 'connecting', waiting: 2 }), clock);
    expect(words.label).toBe('Connecting…');
    expect(words.detail).toBe('Reaching ic@db.example.com:5432/command_post; 2 events waiting.');
  });

  it('says Synced calmly, with team and login', () => {
    const words = describeSync(status({ state: 'synced' }), clock);
    expect(words.label).toBe('Synced');
    expect(words.detail).toBe('Team dev as ic; everything made here is in the team database.');
  });

  it('counts what is being sent', () => {
    expect(describeSync(status({ state: 'syncing', waiting: 12 }), clock).label).toBe('Syncing 12');
    expect(describeSync(status({ state: 'syncing', waiting: 1 }), clock).detail).toBe('Sending to team dev: 1 event waiting.');
  });

  it('says since when it is offline and how much waits', () => {
    const offline = status({ state: 'offline', offlineSince: 1000, waiting: 12, problem: problem('unreachable', 'The team database at db.example.com cannot be reached.') });
    const words = describeSync(offline, clock);
    expect(words.label).toBe('Offline since T1000 · 12 waiting');
    expect(words.detail).toBe('The team database at db.example.com cannot be reached. Work goes on here and is sent when it is back; 12 events waiting.');
    expect(describeSync({ ...offline, waiting: 0 }, clock).label).toBe('Offline since T1000');
    expect(describeSync({ ...offline, offlineSince: null, waiting: 1 }, clock).label).toBe('Offline · 1 waiting');
  });

  it.each([
    ['auth', 'wrong password', 'Check the user name and password in Settings → Team sync.'],
    ['unknown-host', 'unknown host', 'Check the host name in the connection URL in Settings → Team sync.'],
    ['tls', 'TLS refused', 'The database must offer TLS with a certificate this machine trusts (sslmode=verify-full): ask whoever runs it.'],
    ['schema-old', 'schema too old', 'Ask whoever runs the team database to bring its schema up to date (npm run db:migrate).'],
    ['schema-new', 'schema too new', 'The team database is newer than this console: update Command Post here.'],
    ['permission', 'permission denied', 'Ask whoever runs the team database to add your login to this team.'],
    ['console-taken', 'console id taken', 'Another login already uses this console id: ask whoever runs the team database to release it.'],
    ['unreachable', 'unreachable', 'Check Settings → Team sync, or ask whoever runs the team database.'],
    ['failed', 'see details', 'Check Settings → Team sync, or ask whoever runs the team database.'],
  ])('names the error %s as "%s" and says what to do', (code, reason, next) => {
    const words = describeSync(status({ state: 'error', waiting: 3, problem: problem(code) }), clock);
    expect(words.label).toBe(`Sync error: ${reason}`);
    expect(words.detail).toBe(`${code} happened. ${next} Work goes on here meanwhile; 3 events waiting.`);
  });

  it('sends a console started with --sync-url to its command line, not to Settings', () => {
    const words = describeSync({ ...status({ state: 'error', waiting: 0, problem: problem('auth') }), fromCommandLine: true }, clock);
    expect(words.detail).toContain('Check the user name and password: this console was started with --sync-url (or COMMAND_POST_SYNC_URL): correct it there and restart.');
    expect(words.detail).not.toContain('Settings');
  });

  it('still says something when an error comes without a problem', () => {
    const words = describeSync(status({ state: 'error', problem: null }), clock);
    expect(words.label).toBe('Sync error: see details');
    expect(words.detail).toContain('Team sync stopped.');
    expect(words.detail).toContain('nothing waiting');
  });
});

describe('the clock-skew warning', () => {
  it('is absent when the clocks agree', () => {
    expect(describeSkew(null)).toBeNull();
  });

  it('says how far ahead or behind, in minutes or hours', () => {
    expect(describeSkew(7 * 60_000)).toMatch(/^This machine's clock is 7 min ahead of the team database: times you log may look wrong to teammates\./);
    expect(describeSkew(-6 * 60_000 - 20_000)).toMatch(/clock is 6 min behind the team database/);
    expect(describeSkew(65 * 60_000)).toMatch(/clock is 1 h 5 min ahead of/);
    expect(describeSkew(-2 * 3_600_000)).toMatch(/clock is 2 h behind/);
  });
});

describe('the connection test answer', () => {
  it('says who the database says you are', () => {
    expect(describeSyncTest({ ok: true, login: 'ic', team: 'dev', schemaVersion: 1, problem: null })).toBe('Connected as ic to team dev, schema 1');
  });

  it('gives the reason when it failed', () => {
    expect(describeSyncTest({ ok: false, login: null, team: null, schemaVersion: null, problem: problem('auth', 'Wrong user name or password for ic.') })).toBe(
      'Not connected: Wrong user name or password for ic.',
    );
  });
});
