import type { AlertRecord } from '../../shared/domain/incident';
import type { AlertLink, AlertStatus } from '../../shared/intake/alert';
import { isHttpUrl } from '../../shared/intake/text';

/** The word beside each alert's colour: colour alone says nothing to a screen reader or at a glance on a dim screen. */
export const ALERT_STATUS_WORDS: Record<AlertStatus, string> = {
  firing: 'Firing',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

const STATUS_ORDER: Record<AlertStatus, number> = { firing: 0, acknowledged: 1, resolved: 2 };

/** What still needs attention first: firing, then acknowledged, then resolved; the oldest first within each. */
export function alertsInOrder(alerts: readonly AlertRecord[]): AlertRecord[] {
  return [...alerts].sort(
    (a, b) =>
      STATUS_ORDER[a.alert.status] - STATUS_ORDER[b.alert.status] ||
      (a.alert.startsAt ?? Number.MAX_SAFE_INTEGER) - (b.alert.startsAt ?? Number.MAX_SAFE_INTEGER) ||
      a.key.localeCompare(b.key),
  );
}

/** `2 firing · 1 resolved`: the panel's head, naming only the statuses present. */
export function alertCounts(alerts: readonly AlertRecord[]): string {
  const counts = new Map<AlertStatus, number>();
  for (const { alert } of alerts) counts.set(alert.status, (counts.get(alert.status) ?? 0) + 1);
  return (Object.keys(STATUS_ORDER) as AlertStatus[])
    .filter((status) => counts.has(status))
    .map((status) => `${counts.get(status)} ${status}`)
    .join(' · ');
}

/** Shown elsewhere on the card already: the name, the service, the severity. */
const SHOWN_APART = new Set(['alertname', 'service', 'severity']);

/** The labels worth a chip, at most `max`, and how many more there are. */
export function labelChips(labels: Readonly<Record<string, string>>, max = 8): { shown: Array<[string, string]>; more: number } {
  const all = Object.entries(labels).filter(([name]) => !SHOWN_APART.has(name));
  return { shown: all.slice(0, max), more: Math.max(0, all.length - max) };
}

/**
 * Links that may be opened: http(s) only. The intake already drops any other, but an alert from
 * an imported bundle or a teammate's console passed a different door; checking again costs nothing.
 */
export function openableLinks(links: readonly AlertLink[]): AlertLink[] {
  return links.filter((link) => isHttpUrl(link.url));
}
