const KEY = 'commandPost.token';

/**
 * The host prints a link with `?token=`. Keep the token for this tab only (a reload must
 * still work) and take it out of the address bar so it is not shared by a screenshot or a
 * copied link.
 */
export function takeSessionToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(KEY);
}
