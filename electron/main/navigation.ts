import type { WebContents } from 'electron';
import { externalLinkTarget, isAppUrl } from './app-url';

/** What the guard needs of a web contents; a real one in main, a fake in tests. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every web contents: the app page never navigates away, redirects out, attaches a
 * webview or opens a window. A plain http(s) link the page tries to open goes to the system
 * browser instead; anything else (file:, javascript:, data:, custom schemes) goes nowhere.
 */
export function guardNavigation(contents: GuardedContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openLink(event.url, openExternal);
  });
  // will-navigate covers the main frame only; a subframe may not leave the app either.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url, openExternal);
    return { action: 'deny' };
  });
}

function openLink(url: string, openExternal: (url: string) => Promise<void>): void {
  const target = externalLinkTarget(url);
  if (target === null) return;
  openExternal(target).catch((error: unknown) => console.error('Opening a link failed:', error));
}
