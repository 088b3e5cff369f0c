// Render: the war room of a 100 000-entry incident in Chromium, through the Node host, driven
// by playwright-core. Three measurements:
//   1. first meaningful paint: navigation start until the timeline shows rows, with the parts
//      (page and script load, WebSocket open, incident.get in flight, JSON.parse, render);
//   2. frame times while the timeline's scroll container is scrolled top to bottom in rAF steps;
//   3. keystroke-to-next-frame latency in the entry box, idle and while a second WebSocket
//      client logs 20 entries/s through the host.
// Headless Chromium with --disable-gpu draws in software (CPU raster and compositing).
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { cloneFixture } from './fixtures';
import { ensureRendererBuild, findChromium, startHostProcess, WireClient, type RunningHostProcess } from './render-host';
import { FIND_SCROLLER, INIT_SCRIPT, INSTALL_KEYS, READ_KEYS, READ_MARKS, SCROLL } from './render-page';
import type { Check, Section, SectionResult, Table } from './sections';
import { int, median, ms, percentile } from './stats';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1366, height: 768 };
const ROW = '[data-testid=timeline-entry]';
const FRAME_MS = 1000 / 60;
const STREAM_PER_S = 20;
const KEY_INTERVAL_MS = 100;
const TEXT = 'checkout latency back to normal after the rollback of release four seven one one on the eu west primary ';

interface Marks {
  marks: Record<string, number | undefined>;
  big: Array<{ receivedAt?: number; parseStart?: number; parseEnd?: number; chars: number }>;
  longTasks: Array<{ start: number; duration: number }>;
  fcp: number | null;
  responseEnd: number | null;
  domContentLoaded: number | null;
  scriptEnd: number | null;
  rows: number;
}

interface ScrollRun {
  deltas: number[];
  seconds: number;
  scrolledPx: number;
  scrollHeight: number;
  clientHeight: number;
  atBottom: boolean;
  rowsInDom: number[];
  longTasks: number;
  longTaskMax: number;
}

interface KeySample {
  key: string;
  eventTs: number;
  handler: number;
  input: number;
  raf: number;
  afterFrame: number;
  pushesBefore: number;
}

function pct(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), max: s.at(-1) ?? Number.NaN };
}

function skipped(reason: string): SectionResult {
  return {
    tables: [{ title: 'Render: skipped', columns: ['why'], rows: [[reason]] }],
    checks: [],
    notes: [],
    data: { skipped: reason },
  };
}

type Playwright = typeof import('playwright-core');
type Browser = Awaited<ReturnType<Playwright['chromium']['launch']>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

async function openWarRoom(browser: Browser, host: RunningHostProcess, incidentId: string): Promise<{ page: Page; marks: Marks; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  // A fresh context is a fresh browser: it signs in with a launch address of its own.
  await page.goto(`${await host.newLaunchUrl()}#/incident/${encodeURIComponent(incidentId)}`, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator(ROW).first().waitFor({ state: 'visible', timeout: 180_000 });
  await page.waitForFunction('window.__bench && window.__bench.marks.rowsPainted !== undefined', undefined, { timeout: 60_000 });
  const marks = (await page.evaluate(READ_MARKS)) as Marks;
  return { page, marks, close: () => context.close() };
}

/** The first paint's parts, from the in-page marks (ms since navigation start). */
function paintParts(m: Marks) {
  const k = m.marks;
  const recv = m.big.find((b) => b.receivedAt !== undefined);
  const parse = m.big.find((b) => b.parseStart !== undefined);
  return {
    fmp: k.rowsPainted!,
    fcp: m.fcp ?? Number.NaN,
    scriptEnd: m.scriptEnd ?? Number.NaN,
    domContentLoaded: m.domContentLoaded ?? Number.NaN,
    wsOpen: k.wsOpen ?? Number.NaN,
    getSent: k.getSent ?? Number.NaN,
    received: recv?.receivedAt ?? Number.NaN,
    replyChars: recv?.chars ?? parse?.chars ?? Number.NaN,
    parseStart: parse?.parseStart ?? Number.NaN,
    parseEnd: parse?.parseEnd ?? Number.NaN,
    warRoom: k.warRoom ?? Number.NaN,
    rowsInDom: k.rowsInDom!,
    rowsRaf: k.rowsRaf!,
    rowsPainted: k.rowsPainted!,
    rowsInDomCount: k.rowsInDomCount ?? Number.NaN,
    longTasks: m.longTasks.filter((t) => t.start < k.rowsPainted!).map((t) => t.duration),
  };
}

async function typeAt(page: Page, count: number, offset: number): Promise<void> {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const ch = TEXT[(offset + i) % TEXT.length]!;
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    const next = t0 + (i + 1) * KEY_INTERVAL_MS;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
  }
}

/** Logs `perSecond` notes per second through the host, on a fixed schedule, until stopped. */
function stream(client: WireClient, incidentId: string, perSecond: number) {
  const acks: number[] = [];
  let sent = 0;
  let refused = 0;
  let stopped = false;
  const t0 = performance.now();
  const done = (async () => {
    const inFlight: Promise<void>[] = [];
    while (!stopped) {
      const at = performance.now();
      const i = sent++;
      inFlight.push(
        client.call('timeline.log', { incidentId, text: `streamed note ${i} while the scribe types` }).then((r) => {
          if (r.ok) acks.push(performance.now() - at);
          else refused += 1;
        }),
      );
      const wait = t0 + sent * (1000 / perSecond) - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await Promise.all(inFlight);
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return { sent, acks, refused, seconds: (performance.now() - t0) / 1000 };
    },
  };
}

function keyStats(samples: KeySample[]) {
  return {
    fromEvent: pct(samples.map((s) => s.raf - s.eventTs)),
    fromHandler: pct(samples.map((s) => s.raf - s.handler)),
    afterFrame: pct(samples.map((s) => s.afterFrame - s.eventTs)),
    queued: pct(samples.map((s) => s.handler - s.eventTs)),
  };
}

export const renderSection: Section = {
  id: 'render',
  title: 'Render: war-room with 100 000 timeline entries, 60 fps scroll',
  async run(ctx): Promise<SectionResult> {
    const found = await findChromium();
    if (!found.path) return skipped(`no Chromium found (looked at ${found.looked.join(', ')}); set CHROMIUM_PATH to run this section`);
    let playwright: Playwright;
    try {
      playwright = await import('playwright-core');
    } catch (error) {
      return skipped(`playwright-core is not installed (${(error as Error).message})`);
    }
    ctx.progress('render: making sure out/renderer is built');
    const built = await ensureRendererBuild();
    ctx.progress(`render: ${built}`);

    const size = Math.max(...ctx.fixtures.bySize.keys());
    const fixture = await cloneFixture(ctx.fixtures.bySize.get(size)!, join(ctx.root, 'render-data'));
    const runs = ctx.quick ? 1 : 3;
    const fullScrollFrames = ctx.quick ? 300 : 1_200;
    const readFrames = ctx.quick ? 150 : 600;
    const idleKeys = ctx.quick ? 40 : 100;
    const streamKeys = ctx.quick ? 60 : 200;
    const load = (): string => loadavg()[0]!.toFixed(2);

    ctx.progress(`render: starting the host on ${int(fixture.events)} events`);
    const host = await startHostProcess(fixture.dataDir);
    // A console someone has used before: no "who is at this console?" prompt over what is measured.
    const seed = await WireClient.connect(host.port, host.token);
    await seed.call('settings.update', { operatorName: 'bench' });
    seed.close();
    let browser: Browser | null = null;
    try {
      browser = await playwright.chromium.launch({ executablePath: found.path, headless: true, args: FLAGS, timeout: 60_000 });
      const version = browser.version();

      // 1. First meaningful paint, `runs` fresh contexts (cold HTTP cache, new WebSocket each).
      const paints: ReturnType<typeof paintParts>[] = [];
      const loads: string[] = [];
      let last: Awaited<ReturnType<typeof openWarRoom>> | null = null;
      for (let i = 0; i < runs; i++) {
        ctx.progress(`render: open the war room ${i + 1}/${runs}`);
        await last?.close();
        last = await openWarRoom(browser, host, fixture.incidentId);
        paints.push(paintParts(last.marks));
        loads.push(load());
      }
      const page = last!.page;

      // incident.get as a Node client sees it: the host's dispatch + JSON.stringify + transfer.
      ctx.progress('render: incident.get from a Node WebSocket client');
      const client = await WireClient.connect(host.port, host.token);
      const nodeGet: Array<{ ms: number; parseMs: number; chars: number }> = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = await client.call('incident.get', { incidentId: fixture.incidentId });
        if (!r.ok) throw new Error(`incident.get refused: ${JSON.stringify(r.error)}`);
        nodeGet.push({ ms: performance.now() - t0, parseMs: r.parseMs, chars: r.raw });
      }

      // 2. Scroll: the whole timeline top to bottom, then at reading speed.
      ctx.progress('render: scrolling the timeline');
      const scroller = (await page.evaluate(FIND_SCROLLER)) as { error?: string; className: string; scrollHeight: number; clientHeight: number; rows: number };
      if (scroller.error) throw new Error(scroller.error);
      const fullLoad = load();
      const full = (await page.evaluate(`${SCROLL}(${JSON.stringify({ stepPx: 0, frames: fullScrollFrames, maxFrames: fullScrollFrames * 3, toBottom: true })})`)) as ScrollRun;
      const stepPx = full.scrolledPx / Math.max(1, full.deltas.length);
      ctx.progress(`render: full scroll done, ${full.deltas.length} frames in ${full.seconds.toFixed(1)} s`);
      const readLoad = load();
      const read = (await page.evaluate(`${SCROLL}(${JSON.stringify({ stepPx: 60, frames: readFrames, maxFrames: readFrames, toBottom: false })})`)) as ScrollRun;

      // 3. Keystrokes: idle, then while a second client logs 20 notes/s through the host.
      ctx.progress(`render: typing ${idleKeys} keys idle`);
      await page.evaluate('window.__scroller.scrollTop = window.__scroller.scrollHeight');
      await sleep(300);
      const installed = (await page.evaluate(INSTALL_KEYS)) as { error?: string };
      if (installed.error) throw new Error(installed.error);
      const idleLoad = load();
      await typeAt(page, idleKeys, 0);
      await sleep(300);
      const idle = (await page.evaluate(READ_KEYS)) as { samples: KeySample[]; pushes: number; events: unknown[]; rows: number };

      ctx.progress(`render: typing ${streamKeys} keys while ${STREAM_PER_S} notes/s stream in`);
      const streamer = stream(client, fixture.incidentId, STREAM_PER_S);
      await sleep(1_000);
      const pushesAtStart = idle.pushes;
      const streamLoad = load();
      await typeAt(page, streamKeys, idleKeys);
      await sleep(300);
      const streamed = await streamer.stop();
      const busy = (await page.evaluate(READ_KEYS)) as { samples: KeySample[]; pushes: number; events: Array<{ name: string; duration: number }>; rows: number };
      client.close();

      // Tables.
      const mid = [...paints].sort((a, b) => a.fmp - b.fmp)[Math.floor(paints.length / 2)]!;
      const fmpMed = median(paints.map((p) => p.fmp));
      const nodeMed = median(nodeGet.map((g) => g.ms));
      const d = (a: number, b: number) => ms(b - a);
      const paintRows: string[][] = [
        ['navigation start → first paint of the app shell (FCP)', ms(mid.fcp)],
        ['navigation start → script loaded', ms(mid.scriptEnd)],
        ['navigation start → WebSocket open', ms(mid.wsOpen)],
        ['navigation start → incident.get sent', ms(mid.getSent)],
        [`incident.get in flight: host dispatch + JSON.stringify + ${(mid.replyChars / 1048576).toFixed(1)} MiB over the socket`, d(mid.getSent, mid.received)],
        ['reply handed to the page → JSON.parse starts', d(mid.received, mid.parseStart)],
        ['JSON.parse of the reply (in the page)', d(mid.parseStart, mid.parseEnd)],
        ['JSON.parse end → rows in the DOM (store, React render + commit)', d(mid.parseEnd, mid.rowsInDom)],
        ['rows in the DOM → next animation frame', d(mid.rowsInDom, mid.rowsRaf)],
        ['that frame → after its paint (task posted from rAF)', d(mid.rowsRaf, mid.rowsPainted)],
        ['navigation start → timeline rows painted (first meaningful paint)', ms(mid.fmp)],
        [`long tasks before that (count, longest)`, `${mid.longTasks.length}, ${ms(Math.max(0, ...mid.longTasks))} ms`],
      ];
      const fullP = pct(full.deltas);
      const readP = pct(read.deltas);
      const frameRow = (name: string, p: ReturnType<typeof pct>, r: ScrollRun, l: string) => [
        name,
        int(p.n),
        ms(p.p50),
        ms(p.p95),
        ms(p.p99),
        ms(p.max),
        `${((r.deltas.filter((x) => x > FRAME_MS * 1.5).length / Math.max(1, r.deltas.length)) * 100).toFixed(1)}%`,
        l,
      ];
      const idleK = keyStats(idle.samples);
      const busyK = keyStats(busy.samples);
      const keyRow = (name: string, p: ReturnType<typeof pct>) => [name, int(p.n), ms(p.p50), ms(p.p95), ms(p.p99), ms(p.max)];
      const tables: Table[] = [
        {
          title: `War room first meaningful paint, ${int(fixture.events)} events (ms since navigation start, median of ${runs})`,
          columns: ['run', 'FMP (rows painted)', 'incident.get in flight', 'JSON.parse', 'parse → rows in DOM', 'load avg'],
          rows: [
            ...paints.map((p, i) => [String(i + 1), ms(p.fmp), d(p.getSent, p.received), d(p.parseStart, p.parseEnd), d(p.parseEnd, p.rowsInDom), loads[i]!]),
            ['median', ms(fmpMed), ms(median(paints.map((p) => p.received - p.getSent))), ms(median(paints.map((p) => p.parseEnd - p.parseStart))), ms(median(paints.map((p) => p.rowsInDom - p.parseEnd))), '-'],
          ],
        },
        { title: `First meaningful paint: where the time goes (the median run, ms)`, columns: ['step', 'ms'], rows: paintRows },
        {
          title: 'incident.get of the same incident from a Node WebSocket client (ms)',
          columns: ['measure', 'median', 'runs'],
          rows: [
            ['send → reply received and parsed (host dispatch + stringify + transfer + parse)', ms(nodeMed), int(nodeGet.length)],
            ['  of which JSON.parse in Node', ms(median(nodeGet.map((g) => g.parseMs))), int(nodeGet.length)],
            ['reply size (MiB of JSON text)', ((nodeGet[0]?.chars ?? 0) / 1048576).toFixed(1), '-'],
          ],
        },
        {
          title: 'Frame times while scrolling the timeline (ms between requestAnimationFrame callbacks)',
          columns: ['scroll', 'frames', 'p50', 'p95', 'p99', 'max', 'frames > 25 ms', 'load avg'],
          rows: [
            frameRow(`top to bottom in ~${int(fullScrollFrames)} frames, ${int(stepPx)} px per frame on average (${int(full.scrollHeight)} px)`, fullP, full, fullLoad),
            frameRow('reading speed, 60 px per frame from the top', readP, read, readLoad),
          ],
        },
        {
          title: 'Keystroke to next frame in the entry box (ms)',
          columns: ['measure', 'keys', 'p50', 'p95', 'p99', 'max'],
          rows: [
            keyRow(`idle: keydown event → next rAF after the value changed (load ${idleLoad})`, idleK.fromEvent),
            keyRow('idle: … → after that frame\'s paint (task posted from rAF)', idleK.afterFrame),
            keyRow(`${STREAM_PER_S} notes/s streaming: keydown event → next rAF after the value changed (load ${streamLoad})`, busyK.fromEvent),
            keyRow(`${STREAM_PER_S} notes/s: keydown handler → next rAF`, busyK.fromHandler),
            keyRow(`${STREAM_PER_S} notes/s: … → after that frame\'s paint`, busyK.afterFrame),
            keyRow(`${STREAM_PER_S} notes/s: event queued before its handler ran`, busyK.queued),
          ],
        },
      ];
      const ackP = pct(streamed.acks);
      const checks: Check[] = [
        { name: `scroll ${int(fixture.events)} entries top to bottom, frame p95`, measured: `${ms(fullP.p95)} ms`, target: `≤ ${FRAME_MS.toFixed(1)} ms`, pass: fullP.p95 <= FRAME_MS },
        { name: 'scroll at reading speed, frame p95', measured: `${ms(readP.p95)} ms`, target: `≤ ${FRAME_MS.toFixed(1)} ms`, pass: readP.p95 <= FRAME_MS },
      ];
      const slowEvents = busy.events.filter((e) => e.name === 'keydown' || e.name === 'keypress' || e.name === 'input');
      return {
        tables,
        checks,
        notes: [
          `Chromium ${version} (${found.path}), headless, flags ${FLAGS.join(' ')}: --disable-gpu means software raster and compositing on the CPU, on the same 2 cores as the host and this benchmark (and other sessions). Viewport ${VIEWPORT.width}×${VIEWPORT.height}. ${built}.`,
          `Host: node --import tsx electron/host-web/cli.ts --port 0 --data-dir <copy of the ${int(fixture.events)}-event fixture> (ready line after ${ms(host.startMs)} ms, the incident opened at start). Page: URL#/incident/<id> in a fresh browser context per run (cold HTTP cache, new WebSocket).`,
          'First meaningful paint = navigation start to a task posted from the first requestAnimationFrame after the first [data-testid=timeline-entry] entered the DOM (a MutationObserver installed before any page script), i.e. after the frame that draws the rows. incident.get send and receive times come from a wrapper of the page\'s WebSocket; JSON.parse from a wrapper of JSON.parse for strings over 1 MB.',
          `Scroll: the container is the first timeline entry's nearest scrollable ancestor (.${scroller.className}, ${int(scroller.clientHeight)} px tall, ${int(scroller.rows)} rows in the DOM of ${int(fixture.events - 1)}). Each rAF callback moves scrollTop by the step and records performance.now() minus the previous callback's; 10 frames after the jump to the top are not counted. Top to bottom: the step is (scrollHeight − clientHeight) / ${int(fullScrollFrames)}, recomputed each frame as measured rows grow the list (estimated at ${int(scroller.scrollHeight)} px at the start, ${int(full.scrollHeight)} px at the end); ${full.atBottom ? 'reached the bottom' : 'did NOT reach the bottom'} in ${int(full.deltas.length)} frames (${full.seconds.toFixed(1)} s), ${full.longTasks} long tasks (longest ${ms(full.longTaskMax)} ms). Each step is several viewports, so every frame draws rows never drawn before (a drag of the scroll bar: the virtualizer's worst case). Reading speed: ${int(read.deltas.length)} frames, ${read.longTasks} long tasks. "frames > 25 ms" = more than 1.5 frame intervals, i.e. at least one frame dropped.`,
          `Keystrokes: one key every ${KEY_INTERVAL_MS} ms through page.keyboard.press (CDP input), timeline following the end. Latency from the keydown event's timeStamp (when the browser created the event, so time queued behind other work counts) to the next requestAnimationFrame after the input event (value changed); "after that frame's paint" adds the frame's own work.`,
          `Streaming: a Node WebSocket client (ws://127.0.0.1:${host.port}/ws, Authorization: Bearer …) sent ${int(streamed.sent)} timeline.log in ${streamed.seconds.toFixed(1)} s (${(streamed.sent / streamed.seconds).toFixed(1)}/s), ${streamed.refused} refused; ack p50 ${ms(ackP.p50)} ms, p99 ${ms(ackP.p99)} ms, max ${ms(ackP.max)} ms. The page received ${int(busy.pushes - pushesAtStart)} pushed events while the keys were typed and after; timeline rows in the DOM at the end: ${int(busy.rows)}. Event Timing entries ≥ 16 ms for keydown/keypress/input while streaming: ${slowEvents.length}${slowEvents.length ? `, longest ${ms(Math.max(...slowEvents.map((e) => e.duration)))} ms` : ''}.`,
          'No keystroke or first-paint bar in DESIGN.md; for scale: one frame at 60 Hz is 16.7 ms, the open bar (engine) is 300 ms.',
        ],
        data: {
          chromium: { path: found.path, version, flags: FLAGS },
          built,
          hostStartMs: host.startMs,
          paints,
          loads,
          nodeGet,
          scroller,
          fullScroll: { stepPx, ...fullP, seconds: full.seconds, atBottom: full.atBottom, longTasks: full.longTasks, longTaskMax: full.longTaskMax, rowsInDom: full.rowsInDom, load: fullLoad },
          readScroll: { stepPx: 60, ...readP, seconds: read.seconds, longTasks: read.longTasks, load: readLoad },
          keysIdle: { ...idleK, load: idleLoad },
          keysStreaming: { ...busyK, load: streamLoad, stream: { sent: streamed.sent, refused: streamed.refused, seconds: streamed.seconds, ack: ackP }, pushes: busy.pushes - pushesAtStart, slowEvents },
          frameDeltas: { full: full.deltas, read: read.deltas },
        },
      };
    } finally {
      await browser?.close().catch(() => undefined);
      await host.stop();
    }
  },
};
