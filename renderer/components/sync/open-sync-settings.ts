/**
 * Opens Settings on its Team sync section. Through the address, as a link would: the route
 * follows it, and an open settings screen switches section on the same change.
 */
export function openSyncSettings(): void {
  window.location.hash = '#/settings/sync';
}
