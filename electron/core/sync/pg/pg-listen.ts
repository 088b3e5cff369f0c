// The change hints of one team: a connection of its own that does nothing but LISTEN. The
// database sends `<incident_id> <head>` on channel `command_post.<team>` when a push commits
// (see db/migrations/001_team_sync.sql). A hint may be lost; callers still pull on a heartbeat.
import type pg from 'pg';
import { openLink, type LinkResult } from './pg-link';

export function hintChannel(team: string): string {
  return `command_post.${team}`;
}

/** The incident id a hint names, or null for a payload that is not a hint. */
export function hintIncident(payload: string | undefined): string | null {
  const incidentId = payload?.split(' ')[0];
  return incidentId ? incidentId : null;
}

export async function openHintListener(
  config: pg.ClientConfig,
  team: string,
  onHint: (incidentId: string) => void,
): Promise<LinkResult> {
  const opened = await openLink(config);
  if (!opened.ok) return opened;
  const { link } = opened;
  const channel = hintChannel(team);
  link.client.on('notification', (note) => {
    if (note.channel !== channel) return;
    const incidentId = hintIncident(note.payload);
    if (!incidentId) return;
    // A throwing callback must not reach the client's message parser.
    try {
      onHint(incidentId);
    } catch {
      // The hint is only a hint; the heartbeat pull catches up.
    }
  });
  try {
    await link.client.query(`LISTEN ${link.client.escapeIdentifier(channel)}`);
  } catch (cause) {
    await link.end();
    return { ok: false, cause };
  }
  return { ok: true, link };
}
