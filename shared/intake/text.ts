import { hasControlCharacter } from '../domain/control-chars';
import { INTAKE_LIMITS, type AlertLink } from './alert';

/** Cuts to at most `max` characters, ending in `…` when cut, never between a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Free text as one line: line breaks and tabs become single spaces, cut to `max`. */
export function asOneLine(text: string, max: number): string {
  return truncate(text.replace(/\s*[\t\n\r]+\s*/g, ' ').trim(), max);
}

export function lowerOrNull(value: string | undefined | null): string | null {
  return value ? value.toLowerCase() : null;
}

export function firstNonEmpty(...values: Array<string | undefined | null>): string | null {
  for (const value of values) if (value) return value;
  return null;
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

/**
 * The links an alert carries, each once, at most `INTAKE_LIMITS.links`. Only http(s) URLs are
 * kept: an empty generatorURL, a `javascript:` or `file:` URL, or one with spaces or controls is
 * dropped without refusing the alert, since a missing link costs less than a missing page.
 */
export class LinkList {
  private readonly links: AlertLink[] = [];

  add(label: string, url: string | null | undefined): void {
    if (!url || !isHttpUrl(url)) return;
    if (this.links.length >= INTAKE_LIMITS.links || this.links.some((l) => l.url === url)) return;
    const clean = asOneLine(label, 200);
    this.links.push({ label: clean && !hasControlCharacter(clean) ? clean : 'Link', url });
  }

  list(): AlertLink[] {
    return this.links;
  }
}

export function isHttpUrl(url: string): boolean {
  return url.length <= INTAKE_LIMITS.valueLength && HTTP_URL.test(url) && !hasControlCharacter(url);
}
