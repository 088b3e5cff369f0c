import { describe, expect, it } from 'vitest';
import { offStatus, type SyncStatus } from '../../../shared/sync/sync-status';
import { syncAnnouncement } from '../../../renderer/components/sync/sync-announcement';

const status = (patch: Partial<SyncStatus>): SyncStatus => ({ ...offStatus('c-1'), ...patch });

describe('what a screen reader hears about team sync', () => {
  it('keeps one key per state, whatever the counts', () => {
    expect(syncAnnouncement(status({ state: 'syncing', waiting: 5 }), 'Syncing 5').key).toBe(syncAnnouncement(status({ state: 'syncing', waiting: 1 }), 'Syncing 1').key);
    expect(syncAnnouncement(status({ state: 'offline', waiting: 1 }), 'x').text).toBe(syncAnnouncement(status({ state: 'offline', waiting: 9 }), 'y').text);
  });

  it('tells errors apart by their reason', () => {
    const auth = syncAnnouncement(status({ state: 'error', problem: { code: 'auth', message: '' } }), 'Sync error: wrong password');
    const tls = syncAnnouncement(status({ state: 'error', problem: { code: 'tls', message: '' } }), 'Sync error: TLS refused');
    expect(auth.key).not.toBe(tls.key);
    expect(auth.text).toBe('Team sync: Sync error: wrong password.');
  });

  it('says the state in words', () => {
    expect(syncAnnouncement(status({ state: 'synced' }), 'Synced').text).toBe('Team sync: Synced.');
    expect(syncAnnouncement(status({ state: 'offline' }), 'Offline since 03:14').text).toMatch(/^Team sync offline: work goes on here/);
  });
});
