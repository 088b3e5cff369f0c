const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/**
 * The names a browser may use for this host: loopback always, plus a specific `--host` the user
 * gave. A wildcard address is not a name anyone types, so it adds none.
 */
export function pageHostNames(host: string): string[] {
  const names = ['127.0.0.1', 'localhost'];
  if (!WILDCARD_HOSTS.has(host) && !names.includes(host)) names.push(host.includes(':') ? `[${host}]` : host);
  return names;
}

/** The host name printed in the launch address. */
export function urlHost(host: string): string {
  if (WILDCARD_HOSTS.has(host)) return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** `Host` header values this host answers to: each name with the bound port. */
export function hostHeaderValues(names: readonly string[], port: number): string[] {
  return names.map((name) => `${name}:${port}`.toLowerCase());
}

/**
 * A page reached under another name (DNS rebinding: evil.example resolving to 127.0.0.1) must
 * not be served: its scripts would count as same-origin with whatever we answer.
 */
export function isAllowedHost(header: string | undefined, allowed: readonly string[]): boolean {
  return header !== undefined && allowed.includes(header.toLowerCase());
}

export function misdirectedMessage(allowed: readonly string[]): string {
  return `This Command Post host answers only at ${allowed.map((value) => `http://${value}/`).join(' and ')}.\n`;
}
