// What a CommonMark/GFM reader would take as structure in an exported Markdown file, checked
// without a Markdown parser (none is installed): headings, raw HTML, links and images, block
// quotes, fences, setext underlines and table rows. Pure, so shared/ tests can use it too.

/** Backslash escapes: a backslash before ASCII punctuation makes it a plain character. */
const ESCAPED = /\\[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g;
/** The only links our exports write: an http(s) address shown as itself. */
const AUTOLINK = /<https?:\/\/[^\s<>|]+>/g;
/** …and a placed artefact: an image of, or a link to, a file the bundle carries under attachments/. */
const ATTACHMENT = /!?\[[^[\]]*\]\(attachments\/[A-Za-z0-9._-]+\)/g;

/** The file with every escaped character replaced by an inert one (no letter, space or markup). */
export function withoutEscapes(md: string): string {
  return md.replace(ESCAPED, '\u00b7');
}

export function headings(md: string): string[] {
  return md.split('\n').filter((line) => /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line));
}

/** Unescaped pipes in a table row: one more than its cells. */
export function pipes(row: string): number {
  return (withoutEscapes(row).match(/\|/g) ?? []).length;
}

/**
 * Constructs user text could use to change a document: each problem names the line. Empty when
 * the only structure is headings, lists, tables, our own http(s) autolinks and links to the
 * bundle's attachments; a bare address
 * counts too, since GitHub-flavoured readers make it a link.
 */
export function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  md.split('\n').forEach((line, i) => {
    const bare = withoutEscapes(line).replace(AUTOLINK, 'link').replace(ATTACHMENT, 'file');
    const at = `line ${i + 1}: ${JSON.stringify(line.slice(0, 80))}`;
    if (bare.includes('<')) problems.push(`raw HTML or autolink, ${at}`);
    if (/\]\(|\]\[|\]:|\[\^/.test(bare)) problems.push(`link, image or footnote, ${at}`);
    if (/(?:https?|ftp):\/\/|www\.|@[A-Za-z0-9-]+\./i.test(bare)) problems.push(`bare address a GFM reader links, ${at}`);
    if (/^ {0,3}(?:>|`{3}|~{3})/.test(bare)) problems.push(`block quote or fence, ${at}`);
    if (/^ {0,3}(?:=+|-{2,}|\*{3,}|_{3,})[ \t]*$/.test(bare)) problems.push(`setext underline or rule, ${at}`);
    if (/^ {4}|^\t/.test(line)) problems.push(`indented code, ${at}`);
    if (/[\r\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(line)) problems.push(`control character, ${at}`);
  });
  return problems;
}
