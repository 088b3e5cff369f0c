// The renderer is served from app://command-post/ (a standard, secure custom scheme), so it
// has a real origin of its own that navigation and IPC checks can compare against.
export const APP_SCHEME = 'app';
export const APP_HOST = 'command-post';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** The URL to hand to the system browser, or null when it is not a plain http(s) link. */
export function externalLinkTarget(url: string): string | null {
  const parsed = parse(url);
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** What IPC validation needs to know about the frame that sent a message. */
export interface SenderFacts {
  /** The message came from our window's web contents. */
  fromOurWindow: boolean;
  /** The sending frame is that window's main frame (not a subframe). */
  isMainFrame: boolean;
  /** The sending frame's current URL. */
  url: string;
}

export function isTrustedSender(sender: SenderFacts): boolean {
  return sender.fromOurWindow && sender.isMainFrame && isAppUrl(sender.url);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
