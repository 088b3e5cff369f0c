// Artefacts placed in the post-mortem's prose. The author writes (or the editor's "Insert
// artefact" menu writes) a plain-text token where the file belongs:
//
//     [[artefact:ARTEFACT-ID]]
//
// The token is text in the journal like any other: nothing is stored about placement, so an
// older console shows the token as typed and every console renders it the same way. Only the
// prose sections honour it (PLACEABLE_SECTIONS); anywhere else it stays text.
import type { ArtefactRecord, IncidentState, PostMortem } from '../incident';

/** The sections whose text may place an artefact, in the order the post-mortem shows them. */
export const PLACEABLE_SECTIONS = ['summary', 'rootCause', 'wentWell', 'couldImprove'] as const satisfies ReadonlyArray<keyof PostMortem>;
export type PlaceableSection = (typeof PLACEABLE_SECTIONS)[number];

/** Headings as both renderings write them, for "placed in Root cause". */
export const PLACEABLE_SECTION_TITLES: Record<PlaceableSection, string> = {
  summary: 'Summary',
  rootCause: 'Root cause',
  wentWell: 'What went well',
  couldImprove: 'What could be improved',
};

/**
 * Anything between `[[artefact:` and `]]` on one line is a token; what it names is checked
 * against ARTEFACT_ID before it is looked up, so a token that names nothing sensible still
 * shows up as "not found" instead of being left in the prose.
 */
const TOKEN = /\[\[artefact:([^[\]\r\n]{0,200})\]\]/g;
/** The engine's ids (event-schema.ts): never a quote, angle bracket, slash or space. */
const ARTEFACT_ID = /^[A-Za-z0-9:_-]{1,80}$/;
const FORBIDDEN_IDS = new Set(['__proto__', 'constructor', 'prototype']);

export const isArtefactId = (id: string) => ARTEFACT_ID.test(id) && !FORBIDDEN_IDS.has(id);

/** The token that places `artefactId`. */
export function artefactToken(artefactId: string): string {
  return `[[artefact:${artefactId}]]`;
}

/** A piece of prose: words, or a token with the artefact it names (null: unknown, struck or not an id). */
export type ProsePart = { kind: 'text'; text: string } | { kind: 'artefact'; token: string; artefact: ArtefactRecord | null };

/**
 * Artefacts a post-mortem may show, by id: every one but those whose entry was struck (striking
 * the line takes its file out of the review too). A Map, so an id such as "toString" is only ever
 * an id.
 */
export function placeableArtefacts(state: Pick<IncidentState, 'artefacts' | 'timeline'>): ReadonlyMap<string, ArtefactRecord> {
  const struck = new Set(state.timeline.filter((e) => e.struck).map((e) => e.id));
  return new Map(state.artefacts.filter((a) => !struck.has(a.entryId)).map((a) => [a.id, a]));
}

/** The prose cut at each token, in order; text parts may be empty. */
export function splitPlacements(text: string, placeable: ReadonlyMap<string, ArtefactRecord>): ProsePart[] {
  const parts: ProsePart[] = [];
  let from = 0;
  for (const m of text.matchAll(TOKEN)) {
    const id = m[1]!;
    parts.push({ kind: 'text', text: text.slice(from, m.index) });
    parts.push({ kind: 'artefact', token: id, artefact: isArtefactId(id) ? (placeable.get(id) ?? null) : null });
    from = m.index + m[0].length;
  }
  parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}

/** Where each placeable artefact is placed: the first section that names it, by artefact id. */
export function placementsOf(postmortem: Pick<PostMortem, PlaceableSection>, placeable: ReadonlyMap<string, ArtefactRecord>): ReadonlyMap<string, PlaceableSection> {
  const placed = new Map<string, PlaceableSection>();
  for (const section of PLACEABLE_SECTIONS) {
    for (const part of splitPlacements(postmortem[section], placeable)) {
      if (part.kind === 'artefact' && part.artefact && !placed.has(part.artefact.id)) placed.set(part.artefact.id, section);
    }
  }
  return placed;
}

/** What a reader sees for a token that places nothing: the id as typed, cut short. */
export function notFoundMarker(token: string): string {
  return `[artefact not found: ${token.slice(0, 80)}]`;
}

/** The only file paths the exports link to: the bundle's own `attachments/NAME` (see bundle-handlers.ts). */
const ATTACHMENT_PATH = /^attachments\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$/;
export const isAttachmentPath = (path: string | undefined): path is string => path !== undefined && ATTACHMENT_PATH.test(path);

const EXCERPT_LINES = 12;
const EXCERPT_LINE_CHARS = 200;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A snippet's first lines, each cut to a readable width, for the printed post-mortem; controls shown as U+FFFD. */
export function snippetExcerpt(text: string): string {
  const lines = text.split(/\r?\n/, EXCERPT_LINES + 1);
  const shown = lines.slice(0, EXCERPT_LINES).map((l) => (l.length > EXCERPT_LINE_CHARS ? `${l.slice(0, EXCERPT_LINE_CHARS)}…` : l));
  if (lines.length > EXCERPT_LINES) shown.push('…');
  return shown.join('\n').replace(CONTROL, '\uFFFD');
}
