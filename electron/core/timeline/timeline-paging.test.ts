import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentView, IncidentWindow, TimelinePage } from '../../../shared/contract/contract';
import type { NewEvent } from '../../../shared/domain/events';
import { formatStamp, HybridClock } from '../../../shared/domain/hlc';
import type { TimelineEntry } from '../../../shared/domain/incident';
import { EMPTY_FILTER, entryMatches, type TimelineFilter } from '../../../shared/domain/timeline-query';
import { declare, mustOk, startEngine } from '../../../tests/support/engine-harness';
import { withTempDir } from '../../../tests/support/temp-dir';
import type { Engine } from '../engine-types';
import type { HandlerContext } from '../handlers/context';
import { timelinePage } from '../handlers/timeline-handlers';
import { IncidentLog } from '../journal/incident-log';

const T0 = Date.UTC(2026, 10, 30, 3, 0);
const KINDS = ['note', 'decision', 'action', 'finding'] as const;

/** The reading order from the full state: by `at`, then logged order (a stable sort). */
function expectedOrder(view: IncidentView, filter: TimelineFilter = EMPTY_FILTER): string[] {
  const needle = filter.text.trim().toLowerCase();
  return [...view.timeline]
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
    .map(([e]) => e)
    .filter((e) => entryMatches(e, filter, needle))
    .map((e) => e.id);
}

async function walk(engine: Engine, incidentId: string, limit: number, filter: TimelineFilter = EMPTY_FILTER): Promise<{ ids: string[]; pages: TimelinePage[] }> {
  const pages: TimelinePage[] = [];
  let page = await mustOk<TimelinePage>(engine.dispatch('timeline.page', { incidentId, filter, start: 0, limit }));
  pages.push(page);
  while (page.next) {
    page = await mustOk<TimelinePage>(engine.dispatch('timeline.page', { incidentId, filter, cursor: page.next, limit }));
    pages.push(page);
  }
  return { ids: pages.flatMap((p) => p.entries.map((e) => e.id)), pages };
}

const full = (engine: Engine, incidentId: string) => mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId }));

describe('the paged timeline', () => {
  it('a page walk with any page size and filter gives the full reading order, counts and all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ back: fc.oneof(fc.constantFrom(0, 1_000, 2_000), fc.integer({ min: 0, max: 3_600_000 })), kind: fc.constantFrom(...KINDS), word: fc.constantFrom('disk', 'cache', 'DNS'), pin: fc.boolean() }), { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.record({ kind: fc.constantFrom('all', 'scribe', ...KINDS), text: fc.constantFrom('', 'cache', 'dns'), pinnedOnly: fc.boolean() }),
        async (notes, limit, narrow) => {
          await withTempDir(async (dir) => {
            let clock = T0 + 7_200_000;
            const engine = await startEngine(dir, () => clock);
            const { id } = await declare(engine);
            // Asked once first, so that the lines below go through the engine's incremental order.
            await walk(engine, id, limit);
            for (const [i, n] of notes.entries()) {
              clock += 1_000;
              // Some lines are backfilled: they sit where they happened, not where they were logged.
              const entry = await mustOk<TimelineEntry>(engine.dispatch('timeline.log', { incidentId: id, text: `${n.word} line ${i}`, kind: n.kind, occurredAt: clock - n.back }));
              if (n.pin) await mustOk(engine.dispatch('timeline.pin', { incidentId: id, entryId: entry.id, pinned: true }));
            }
            const view = await full(engine, id);
            const filter: TimelineFilter = { ...EMPTY_FILTER, ...narrow };
            for (const f of [EMPTY_FILTER, filter]) {
              const { ids, pages } = await walk(engine, id, limit, f);
              expect(ids).toEqual(expectedOrder(view, f));
              for (const page of pages) {
                expect(page.total).toBe(view.timeline.length);
                expect(page.count).toBe(ids.length);
                expect(page.entries.length).toBeLessThanOrEqual(limit);
              }
            }
            await engine.close();
          });
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);

  it('answers bad cursors, positions past the end, pages too large and unknown incidents with typed errors', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir, () => T0);
      const { id } = await declare(engine);
      const page = await mustOk<TimelinePage>(engine.dispatch('timeline.page', { incidentId: id, start: 0, limit: 1 }));
      expect(page.next).not.toBeNull();
      const errorOf = async (input: unknown) => {
        const result = await engine.dispatch('timeline.page', input);
        return result.ok ? null : result.error.code;
      };
      expect(await errorOf({ incidentId: id, cursor: 'not-a-cursor' })).toBe('INVALID_INPUT');
      expect(await errorOf({ incidentId: id, cursor: Buffer.from('[1,"x",""]').toString('base64url') })).toBe('INVALID_INPUT');
      expect(await errorOf({ incidentId: id, cursor: page.next, filter: { pinnedOnly: true } })).toBe('INVALID_INPUT');
      expect(await errorOf({ incidentId: id, start: 99 })).toBe('INVALID_INPUT');
      expect(await errorOf({ incidentId: id, start: -1 })).toBe('INVALID_INPUT');
      expect(await errorOf({ incidentId: id, start: 0, fromEnd: true })).toBe('INVALID_INPUT');
      expect(await errorOf({ incidentId: id, start: 0, cursor: page.next })).toBe('INVALID_INPUT');
      // No place at all means the end: the newest page.
      expect((await mustOk<TimelinePage>(engine.dispatch('timeline.page', { incidentId: id, limit: 1 }))).start).toBe(page.total - 1);
      expect(await errorOf({ incidentId: id, start: 0, limit: 10_000 })).toBe('TOO_LARGE');
      expect(await errorOf({ incidentId: 'INC-nowhere', start: 0 })).toBe('NOT_FOUND');
      expect(await errorOf({ incidentId: id, start: 0, filter: { kind: 'nonsense' } })).toBe('INVALID_INPUT');
      // The end itself is a position: an empty page, not an error.
      const atEnd = await mustOk<TimelinePage>(engine.dispatch('timeline.page', { incidentId: id, start: page.total }));
      expect(atEnd.entries).toEqual([]);
      // A backfilled line moves later positions: a cursor from before is stale, and said so.
      await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: 'from before', occurredAt: T0 - 60_000 }));
      expect(await errorOf({ incidentId: id, cursor: page.next, limit: 1 })).toBe('CONFLICT');
      await engine.close();
    });
  });

  it('keeps counts and filtered pages right as lines arrive, are pinned and amended', async () => {
    await withTempDir(async (dir) => {
      let clock = T0;
      const engine = await startEngine(dir, () => (clock += 1_000));
      const { id } = await declare(engine);
      const pinned = { ...EMPTY_FILTER, pinnedOnly: true };
      const search = { ...EMPTY_FILTER, text: 'rollback' };
      const count = async (filter: TimelineFilter) => (await mustOk<TimelinePage>(engine.dispatch('timeline.page', { incidentId: id, filter, fromEnd: true }))).count;
      expect(await count(pinned)).toBe(0);
      expect(await count(search)).toBe(0);
      const a = await mustOk<TimelineEntry>(engine.dispatch('timeline.log', { incidentId: id, text: 'Rollback started' }));
      expect(await count(search)).toBe(1);
      await mustOk(engine.dispatch('timeline.pin', { incidentId: id, entryId: a.id, pinned: true }));
      expect(await count(pinned)).toBe(1);
      await mustOk(engine.dispatch('timeline.amend', { incidentId: id, entryId: a.id, text: 'Restart started', kind: 'action' }));
      // The old words are still searchable (its revision), the new ones too.
      expect(await count({ ...EMPTY_FILTER, text: 'restart' })).toBe(1);
      expect(await count({ ...EMPTY_FILTER, kind: 'action' })).toBe(1);
      await mustOk(engine.dispatch('timeline.pin', { incidentId: id, entryId: a.id, pinned: false }));
      expect(await count(pinned)).toBe(0);
      await engine.close();
    });
  });

  it('answers the same page size whatever the incident’s length', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir, () => T0);
      const sizes: number[] = [];
      for (const n of [150, 1_500]) {
        const { id } = await declare(engine);
        for (let i = 0; i < n; i += 100) {
          await Promise.all(Array.from({ length: Math.min(100, n - i) }, (_, j) => mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `Line ${String(i + j).padStart(5, '0')} of the same length` }))));
        }
        const page = await mustOk<TimelinePage>(engine.dispatch('timeline.page', { incidentId: id, fromEnd: true, limit: 100 }));
        expect(page.count).toBe(n + 3);
        sizes.push(JSON.stringify({ ...page, next: null, prev: null }).length);
      }
      expect(Math.abs(sizes[1]! - sizes[0]!) / sizes[0]!).toBeLessThan(0.02);
      await engine.close();
    });
  });

  it('opens a window with the state but not the timeline, the newest page and the names for the menus', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir, () => T0);
      const { id } = await declare(engine);
      for (let i = 0; i < 30; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `n${i}`, attribution: i % 2 ? 'scribe' : 'Dana' }));
      const win = await mustOk<IncidentWindow>(engine.dispatch('incident.window', { incidentId: id, limit: 10 }));
      expect(win.incident.timeline).toEqual([]);
      expect(win.incident.title).toBe('Checkout returns 500s');
      expect(win.page).toMatchObject({ total: 33, count: 33, start: 23 });
      expect(win.page.entries.map((e) => e.text)).toEqual(Array.from({ length: 10 }, (_, i) => `n${20 + i}`));
      expect(win.facets).toEqual({ actors: ['test-ic'], attributions: ['Dana', 'scribe'], authors: [{ name: 'test-ic', entries: 33 }] });
      expect(win.tail.at(-1)!.text).toBe('n29');
      await engine.close();
    });
  });
});

describe('a page asked for during a re-reduce', () => {
  it('answers the new order whole, under a new generation', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir, () => T0 + 60_000);
      const { id } = await declare(engine, 'Late notes');
      for (let i = 0; i < 50; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `n${i}` }));
      await engine.close();

      const clock = new HybridClock('console-a', () => T0 + 120_000);
      const log = await IncidentLog.open(join(dir, 'incidents', id), { now: () => T0 + 120_000, onCommitted: () => {}, clock });
      const ctx = { registry: { get: async () => log } } as unknown as HandlerContext;
      const page = (input: { start?: number; fromEnd?: true }) =>
        timelinePage(ctx, { incidentId: id, filter: EMPTY_FILTER, limit: 200, ...input } as Parameters<typeof timelinePage>[1]);
      const before = await page({ start: 0 });
      // A teammate's line stamped before every note here: the state is rebuilt in stamp order.
      const late = {
        id: 'late-event',
        incidentId: id,
        at: T0 + 60_000,
        actor: 'Dana',
        type: 'timeline.logged',
        hlc: formatStamp({ wall: T0 + 60_000, counter: 0, node: 'zz-late' }),
        payload: { entryId: 'late-entry', text: 'written offline', kind: 'note', occurredAt: T0 + 60_000, attribution: null, workstreamId: null },
      } as unknown as NewEvent;
      const committing = log.commit([late]);
      // Asked while the rebuild reads the journal: answered once it is done, in one order.
      const during = await page({ start: 0 });
      await committing;
      const after = await page({ start: 0 });
      expect(log.rebuilds).toBe(1);
      expect(during.generation).not.toBe(before.generation);
      expect(during).toEqual(after);
      expect(during.total).toBe(before.total + 1);
      const texts = during.entries.map((e) => e.text);
      expect(texts.indexOf('written offline')).toBeLessThan(texts.indexOf('n0'));
      await log.close();
    });
  });
});
