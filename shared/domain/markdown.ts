// User text written into Markdown files (the post-mortem, update drafts) so that a reader shows
// it as the words typed: it never opens a heading, list, quote, fence, table cell, link, image
// or HTML tag of its own. Backslash escapes are CommonMark's own way to say "this character is
// just a character", and they keep the file readable as plain text.

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
const LINE_BREAKS = new RegExp(`(?:${LINE_BREAK.source})+`, 'g');
/** Controls and bidi overrides have no business in a document; shown as U+FFFD, not hidden. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Characters that open an inline construct: code, emphasis, link, image, HTML, strikethrough, cell. */
const INLINE = /[\\`*_[\]<|~]|&(?=#?[A-Za-z0-9]+;)/g;
/** At the start of a line these open a heading, quote, list or setext underline. */
const BLOCK_START = /^[#>+=-]/;
const ORDERED_START = /^(\d{1,9})([.)])/;

/** Any control or separator: most text has none, and skipping three replaces keeps exports fast. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function oneLine(text: string): string {
  if (!ANY_CONTROL.test(text)) return text.trim();
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROL, '\uFFFD').trim();
}

/**
 * What GitHub-flavoured readers turn into links by themselves: `https://…`, `www.…`, `a@b.c`.
 * Escaping the one character that triggers each keeps the address readable and unclickable;
 * wherever it stands, since GFM also links right after `_`, `*`, `~` and `(`.
 */
const BARE_LINK = /(?:https?|ftp)(?=:\/\/)|www(?=\.)|@(?=[A-Za-z0-9-]+\.)/gi;
const unlink = (m: string) => (m === '@' ? '\\@' : `${m}\\`);

/** BARE_LINK is slow on long lines; most lines hold none of its triggers. */
const mayLink = (line: string) => line.includes('://') || line.includes('@') || /www\./i.test(line);

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE, '\\$&');
  const unlinked = mayLink(escaped) ? escaped.replace(BARE_LINK, unlink) : escaped;
  return unlinked.replace(BLOCK_START, '\\$&').replace(ORDERED_START, '$1\\$2');
}

/** One line of user text: line breaks become spaces. Safe in a list item, a table cell or after a label. */
export function mdText(text: string): string {
  return escapeLine(oneLine(text));
}

/** A heading's text: every `#` too, or a trailing run would be taken as the closing sequence. */
export function mdHeading(text: string): string {
  return mdText(text).replace(/(?<!\\)#/g, '\\#');
}

/**
 * Prose of several lines and paragraphs: each line escaped on its own, single breaks kept as
 * hard breaks (a trailing backslash), blank lines as paragraph breaks; leading indentation,
 * which would make a code block, is dropped.
 */
export function mdBlock(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const raw of text.split(LINE_BREAK)) {
    const line = oneLine(raw);
    if (line) paragraphs.at(-1)!.push(escapeLine(line));
    else if (paragraphs.at(-1)!.length) paragraphs.push([]);
  }
  return paragraphs
    .filter((p) => p.length)
    .map((p) => p.join('\\\n'))
    .join('\n\n');
}

/** URL characters (RFC 3986) that cannot end an autolink or split a table cell. */
const WEB_ADDRESS = /^https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/i;

/** A web address as a link that shows itself; anything else (`javascript:`, odd characters) as text. */
export function mdLink(url: string): string {
  const trimmed = url.trim();
  return WEB_ADDRESS.test(trimmed) ? `<${trimmed}>` : mdText(url);
}
