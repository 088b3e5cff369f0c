import * as Dialog from '@radix-ui/react-dialog';
import { describeSkew } from '../../../shared/sync/sync-status';
import { formatAgo } from '../../../shared/time/format';
import { formatUtc } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { useTimeZone } from '../../lib/zone';
import { returnFocus } from '../focus-return';
import { openSyncSettings } from './open-sync-settings';
import { QuarantineList } from './QuarantineList';
import { syncTime, type SyncWords } from './use-sync-words';

interface Props {
  words: SyncWords;
  onClose: () => void;
}

/** Everything the pill cannot say: where, as whom, since when, what waits, what was set aside. */
export function SyncDetailsDialog({ words, onClose }: Props) {
  const { status, label, detail } = words;
  const now = useNow();
  const zone = useTimeZone();
  const skew = describeSkew(status.skewMs);
  const off = status.state === 'off';
  const facts: [string, string, string?][] = off
    ? [['This console', status.consoleId]]
    : [
        ['Team', status.team ?? '—'],
        ['Login', status.login ?? 'not connected yet'],
        ['Database', status.target ?? '—'],
        ['This console', status.consoleId],
        [
          'Last synced',
          status.lastSyncedAt === null ? 'not yet' : `${syncTime(status.lastSyncedAt, now, zone)} (${formatAgo(now - status.lastSyncedAt)})`,
          status.lastSyncedAt === null ? undefined : formatUtc(status.lastSyncedAt),
        ],
        ['Waiting to send', status.waiting === 0 ? 'nothing' : `${status.waiting} ${status.waiting === 1 ? 'event' : 'events'}`],
      ];
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog sync-dialog" data-testid="sync-details" onCloseAutoFocus={returnFocus}>
          <Dialog.Title className="dialog-title">Team sync</Dialog.Title>
          <Dialog.Description asChild>
            <div className="sync-dialog-state">
              <span className={`sync-pill sync-${status.state} sync-pill-static`} data-testid="sync-details-label">
                <span className="sync-dot" aria-hidden="true" />
                {label}
              </span>
              <p className="sync-detail" data-testid="sync-details-text">
                {detail}
              </p>
            </div>
          </Dialog.Description>
          <dl className="sync-facts">
            {facts.map(([term, value, title]) => (
              <div key={term} className="sync-fact">
                <dt>{term}</dt>
                <dd className={term === 'Database' || term === 'This console' ? 'sync-mono' : undefined} title={title}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          {skew && (
            <p className="sync-skew" role="note" data-testid="sync-skew">
              {skew}
            </p>
          )}
          {status.quarantined.length > 0 && <QuarantineList events={status.quarantined} />}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn btn-quiet">
                Close
              </button>
            </Dialog.Close>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="sync-open-settings"
              onClick={() => {
                onClose();
                openSyncSettings();
              }}
            >
              {off ? 'Set up team sync' : 'Settings → Team sync'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
