// In-page instrumentation for the render benchmark, as plain JavaScript source: tsx would add
// helpers (`__name`) to functions passed to page.evaluate, which do not exist in the page.
//
// All times are performance.now() in the page: milliseconds since navigation start.

/** Installed before any page script runs (page.addInitScript). */
export const INIT_SCRIPT = `
(() => {
  const B = (window.__bench = { marks: {}, big: [], pushes: 0, longTasks: [], events: [] });
  const NativeWS = window.WebSocket;
  class BenchWS extends NativeWS {
    constructor(...args) {
      super(...args);
      if (B.marks.wsCreated === undefined) B.marks.wsCreated = performance.now();
      this.addEventListener('open', () => { if (B.marks.wsOpen === undefined) B.marks.wsOpen = performance.now(); });
      // Registered before the client's onmessage: runs first, when the message is handed to the page.
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string') return;
        if (e.data.startsWith('{"event"')) { B.pushes += 1; return; }
        // The reply to the window's first request (incident.window), however large.
        if (B.openId !== undefined && B.openReply === undefined && e.data.startsWith('{"id":' + JSON.stringify(B.openId) + ',')) {
          B.openReply = e.data;
          B.big.push({ receivedAt: performance.now(), chars: e.data.length });
          return;
        }
        if (e.data.length > 1000000) B.big.push({ receivedAt: performance.now(), chars: e.data.length });
      });
    }
    send(data) {
      if (typeof data === 'string' && B.marks.getSent === undefined && (data.includes('"incident.window"') || data.includes('"incident.get"'))) {
        B.marks.getSent = performance.now();
        try { B.openId = JSON.parse(data).id; } catch {}
      }
      return super.send(data);
    }
  }
  window.WebSocket = BenchWS;
  const parse = JSON.parse;
  JSON.parse = function (text, reviver) {
    if (typeof text !== 'string' || (text.length < 1000000 && text !== B.openReply)) return parse.call(this, text, reviver);
    const t = performance.now();
    const value = parse.call(this, text, reviver);
    B.big.push({ parseStart: t, parseEnd: performance.now(), chars: text.length });
    return value;
  };
  const SEL = '[data-testid=timeline-entry]';
  const seen = () => {
    if (B.marks.rowsInDom !== undefined) return;
    const row = document.querySelector(SEL);
    if (!row) return;
    B.marks.rowsInDom = performance.now();
    B.marks.rowsInDomCount = document.querySelectorAll(SEL).length;
    requestAnimationFrame(() => {
      B.marks.rowsRaf = performance.now();
      // A task posted from the frame's rAF runs after that frame's style, layout and paint.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { B.marks.rowsPainted = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  const start = () => {
    const mo = new MutationObserver(() => {
      if (B.marks.warRoom === undefined && document.querySelector('[data-testid=war-room]')) B.marks.warRoom = performance.now();
      seen();
      if (B.marks.rowsInDom !== undefined) mo.disconnect();
    });
    mo.observe(document, { childList: true, subtree: true });
  };
  start();
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.events.push({ name: e.name, start: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
})();
`;

/** Where the page got to on its way to the first rows. */
export const READ_MARKS = `(() => {
  const B = window.__bench;
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const script = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'))[0];
  return {
    marks: B.marks,
    big: B.big,
    longTasks: B.longTasks,
    fcp: fcp ? fcp.startTime : null,
    responseEnd: nav ? nav.responseEnd : null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    scriptEnd: script ? script.responseEnd : null,
    rows: document.querySelectorAll('[data-testid=timeline-entry]').length,
  };
})()`;

/** The scroll container: the first timeline entry's nearest scrollable ancestor. Sets window.__scroller. */
export const FIND_SCROLLER = `(() => {
  const first = document.querySelector('[data-testid=timeline-entry]');
  if (!first) return { error: 'no timeline entry' };
  let el = first.parentElement;
  while (el) {
    const oy = getComputedStyle(el).overflowY;
    if ((oy === 'auto' || oy === 'scroll') && el.scrollHeight > el.clientHeight) break;
    el = el.parentElement;
  }
  if (!el) return { error: 'no scrollable ancestor of the first timeline entry' };
  window.__scroller = el;
  return { className: el.className, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, rows: document.querySelectorAll('[data-testid=timeline-entry]').length };
})()`;

/**
 * Scrolls window.__scroller from the top, in rAF steps, and records the delta between
 * consecutive rAF callbacks (performance.now()). \`stepPx\` > 0: that many pixels per frame;
 * 0: (scrollHeight - clientHeight) / \`frames\` per frame, recomputed every frame (rows measured
 * taller than estimated grow the list while it scrolls), so that the bottom is reached in about
 * \`frames\` frames. The frames after the jump to the top are not counted.
 */
export const SCROLL = `(async ({ stepPx, frames: target, maxFrames, toBottom }) => {
  const el = window.__scroller;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
  el.scrollTop = 0;
  for (let i = 0; i < 10; i++) await frame();
  const longBefore = window.__bench.longTasks.length;
  const deltas = [];
  const rowsSeen = [];
  let last = await frame();
  const t0 = last;
  let frames = 0;
  const step = () => (stepPx > 0 ? stepPx : Math.ceil((el.scrollHeight - el.clientHeight) / target));
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      deltas.push(now - last);
      last = now;
      frames += 1;
      if (frames % 100 === 0) rowsSeen.push(el.querySelectorAll('[data-testid=timeline-entry]').length);
      const end = el.scrollHeight - el.clientHeight;
      if ((toBottom && el.scrollTop >= end - 1) || frames >= maxFrames) { resolve(); return; }
      el.scrollTop = Math.min(end, el.scrollTop + step());
      requestAnimationFrame(tick);
    };
    el.scrollTop = Math.min(el.scrollHeight - el.clientHeight, step());
    requestAnimationFrame(tick);
  });
  const lt = window.__bench.longTasks.slice(longBefore);
  return {
    deltas,
    seconds: (last - t0) / 1000,
    scrolledPx: el.scrollTop,
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
    atBottom: el.scrollTop >= el.scrollHeight - el.clientHeight - 1,
    rowsInDom: rowsSeen,
    longTasks: lt.length,
    longTaskMax: lt.reduce((m, t) => Math.max(m, t.duration), 0),
  };
})`;

/**
 * Keystroke instrumentation on the entry box: for each keydown, the event's timestamp, when
 * the handler ran, when the value changed (input event), and the next rAF after that, plus a
 * task posted from that rAF (after the frame's paint work).
 */
export const INSTALL_KEYS = `(() => {
  const box = document.querySelector('[data-testid=entry-input]');
  if (!box) return { error: 'no entry box' };
  const K = (window.__keys = { samples: [], pending: null });
  box.addEventListener('keydown', (e) => {
    if (e.key.length !== 1) return;
    K.pending = { key: e.key, eventTs: e.timeStamp, handler: performance.now(), pushesBefore: window.__bench.pushes };
  }, true);
  box.addEventListener('input', () => {
    const p = K.pending;
    if (!p) return;
    K.pending = null;
    p.input = performance.now();
    p.value = box.value.length;
    requestAnimationFrame(() => {
      p.raf = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { p.afterFrame = performance.now(); K.samples.push(p); };
      ch.port2.postMessage(0);
    });
  }, true);
  box.focus();
  return { ok: true };
})()`;

export const READ_KEYS = `(() => {
  const K = window.__keys;
  const s = K.samples;
  K.samples = [];
  return { samples: s, pushes: window.__bench.pushes, events: window.__bench.events.splice(0), rows: document.querySelectorAll('[data-testid=timeline-entry]').length };
})()`;

/** How many rows in view are still waiting for their page (placeholders), and how many are drawn. */
export const ROWS_IN_VIEW = `(() => {
  const el = window.__scroller;
  const box = el.getBoundingClientRect();
  const inView = (r) => { const b = r.getBoundingClientRect(); return b.bottom > box.top && b.top < box.bottom; };
  return {
    waiting: [...el.querySelectorAll('[data-testid=timeline-placeholder]')].filter(inView).length,
    shown: [...el.querySelectorAll('[data-testid=timeline-entry]')].filter(inView).length,
  };
})()`;

/** Whether a timeline row holding exactly this text is in the page. */
export const HAS_ROW_WITH = `((text) => [...document.querySelectorAll('[data-testid=timeline-entry] .tl-words')].some((w) => w.textContent === text))`;
