// The Electron security checklist as tests, without Electron: the window's web preferences,
// the Content-Security-Policy of both hosts and of the page itself, navigation and window.open,
// permissions, the IPC sender check and the preload bridge. The packaged binary's fuses are
// asserted in packaging.test.ts ("flips the hardening fuses"); Electronegativity runs over the
// sources in scripts/electronegativity.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/contract/result';
import type { IncidentEvent } from '../../shared/domain/events';
import { contentSecurityPolicy } from '../../electron/host-web/security-headers';
import { startHost } from '../../electron/host-web/server';
import { BRIDGE_NAME, EVENT_CHANNEL, INVOKE_CHANNEL, type CommandPostBridge } from '../../electron/ipc-channels';
import { APP_ENTRY_URL, externalLinkTarget, isAppUrl } from '../../electron/main/app-url';
import { isFromOurPage, type OurWindow, type SenderEvent, type SenderFrame } from '../../electron/main/ipc-sender';
import { guardNavigation, type GuardedContents } from '../../electron/main/navigation';
import { denyPermissionCheck, denyPermissionRequest } from '../../electron/main/permissions';
import { WINDOW_CSP, windowOptions } from '../../electron/main/window-options';
import { createBridge, type BridgeIpc } from '../../electron/preload/bridge';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// The preload imports 'electron', which throws here (no binary); it gets a stand-in instead.
const fakeElectron = vi.hoisted(() => ({
  exposed: [] as { name: string; api: unknown }[],
  ipcCalls: [] as unknown[][],
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => fakeElectron.exposed.push({ name, api }),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      fakeElectron.ipcCalls.push(args);
      return { ok: true, value: 'from main' };
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
}));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

// ---- sources -------------------------------------------------------------------------------

/** Every non-test TypeScript file under electron/, comments blanked (a comment may say "sandbox: false"). */
function electronSources(): { path: string; code: string }[] {
  const files: { path: string; code: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        files.push({ path: relative(ROOT, full).split(sep).join('/'), code: withoutComments(readFileSync(full, 'utf8')) });
      }
    }
  };
  walk(join(ROOT, 'electron'));
  return files;
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');
}

function source(path: string): string {
  return withoutComments(readFileSync(join(ROOT, path), 'utf8'));
}

// ---- CSP -----------------------------------------------------------------------------------

type Policy = Map<string, string[]>;

/** Directives by name; a repeated directive is ignored after its first occurrence, as browsers do. */
function parseCsp(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!policy.has(key)) policy.set(key, sources);
  }
  return policy;
}

/** The sources that govern `directive`, following CSP's fallback chain to default-src. */
function effective(policy: Policy, directive: string): string[] | undefined {
  const chains: Record<string, string[]> = {
    'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
    'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
    'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
    'object-src': ['object-src', 'default-src'],
    'frame-src': ['frame-src', 'child-src', 'default-src'],
  };
  for (const name of chains[directive] ?? [directive, 'default-src']) {
    const sources = policy.get(name);
    if (sources) return sources;
  }
  return undefined;
}

/** Rules every policy we ship must keep: scripts only from the app itself, no eval, no plugins. */
function expectNoRemoteScript(label: string, text: string): Policy {
  const policy = parseCsp(text);
  expect(policy.get('default-src'), `${label}: default-src`).toEqual(["'self'"]);
  for (const directive of ['script-src', 'script-src-elem', 'script-src-attr', 'worker-src']) {
    expect(effective(policy, directive), `${label}: ${directive}`).toEqual(["'self'"]);
  }
  for (const [name, sources] of policy) {
    for (const forbidden of ["'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'http:', 'https:']) {
      expect(sources, `${label}: ${name} allows ${forbidden}`).not.toContain(forbidden);
    }
  }
  const objects = effective(policy, 'object-src') ?? [];
  expect(objects.every((s) => s === "'none'" || s === "'self'"), `${label}: object-src ${objects.join(' ')}`).toBe(true);
  const frames = effective(policy, 'frame-src') ?? [];
  expect(frames.every((s) => s === "'none'" || s === "'self'"), `${label}: frame-src ${frames.join(' ')}`).toBe(true);
  return policy;
}

/** What the hosts send as a header, on top: no plugins at all, no <base>, no forms, no framing. */
function expectLockedHeader(label: string, text: string): void {
  const policy = expectNoRemoteScript(label, text);
  expect(policy.get('object-src'), `${label}: object-src`).toEqual(["'none'"]);
  expect(policy.get('base-uri'), `${label}: base-uri`).toEqual(["'none'"]);
  expect(policy.get('form-action'), `${label}: form-action`).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), `${label}: frame-ancestors`).toEqual(["'none'"]);
}

describe('Content-Security-Policy', () => {
  it('parses the way browsers do (so the checks below are not vacuous)', () => {
    const policy = parseCsp("default-src 'self'; script-src https: 'unsafe-eval'; script-src 'self'");
    expect(effective(policy, 'script-src')).toEqual(['https:', "'unsafe-eval'"]);
    expect(effective(policy, 'object-src')).toEqual(["'self'"]);
    expect(() => expectNoRemoteScript('bad', "default-src 'self'; script-src 'self' https://cdn.example")).toThrow();
    expect(() => expectNoRemoteScript('bad', "default-src *")).toThrow();
    expect(() => expectNoRemoteScript('bad', "default-src 'self'; worker-src 'self' 'unsafe-eval'")).toThrow();
    expect(() => expectLockedHeader('bad', "default-src 'self'; object-src 'none'")).toThrow();
  });

  it("the Electron window's policy allows scripts only from the app and forbids eval, plugins and framing", () => {
    expectLockedHeader('WINDOW_CSP', WINDOW_CSP);
    expect(parseCsp(WINDOW_CSP).get('connect-src'), 'the window talks to main over IPC only').toEqual(["'self'"]);
  });

  it("the Node host's policy, as it sends it, is the same plus its own WebSocket", async () => {
    const root = await mkdtemp(join(os.tmpdir(), 'command-post-csp-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Command Post</title>');
    const engine = { dispatch: async () => ok(null), subscribe: () => () => true, wake: async () => {}, syncNow: async () => {}, intake: async () => ({ ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'no intake' } }), close: async () => {} };
    const host = await startHost({ engine, staticDir: root, log: () => {} });
    cleanups.push(() => host.close());
    const sent = (await fetch(`http://127.0.0.1:${host.port}/`)).headers.get('content-security-policy') ?? '';
    expectLockedHeader('host header', sent);
    expect(parseCsp(sent).get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${host.port}`, `ws://localhost:${host.port}`]);
    expect(sent).toBe(contentSecurityPolicy([`ws://127.0.0.1:${host.port}`, `ws://localhost:${host.port}`]));
  });

  it("renderer/index.html's own meta policy allows scripts only from the app too", () => {
    // Both hosts send the locked policy above as a header, and a page obeys every policy it
    // has; the meta tag is the fallback should a host forget, so it must not open scripts up.
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    expect(metas, 'exactly one CSP meta tag').toHaveLength(1);
    expectNoRemoteScript('renderer/index.html', metas[0]![1]!);
    expect(html, 'no inline script in the page').not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });
});

// ---- the window ----------------------------------------------------------------------------

describe('the window', () => {
  it('has exactly the locked-down web preferences (a new one is a reviewed change here)', () => {
    const { webPreferences } = windowOptions('/app/out/preload/preload.cjs', { width: 1920, height: 1080 });
    expect(webPreferences).toStrictEqual({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it('every BrowserWindow in electron/ is built from windowOptions() or is sandboxed and script-less', () => {
    const constructions = electronSources().flatMap(({ path, code }) =>
      [...code.matchAll(/new\s+BrowserWindow\s*\(/g)].map((match) => ({ path, rest: code.slice(match.index + match[0].length) })),
    );
    expect(constructions.length, 'BrowserWindows found').toBeGreaterThanOrEqual(2);
    for (const { path, rest } of constructions) {
      if (rest.startsWith('windowOptions(')) continue;
      const literal = rest.slice(0, rest.indexOf('});') + 1);
      for (const setting of ['sandbox: true', 'contextIsolation: true', 'nodeIntegration: false', 'javascript: false']) {
        expect(literal, `${path}: a BrowserWindow without ${setting}`).toContain(setting);
      }
    }
  });

  it('no source under electron/ turns a protection off or embeds other content', () => {
    const forbidden = [
      /nodeIntegration(?:InWorker|InSubFrames)?\s*:\s*true/,
      /contextIsolation\s*:\s*false/,
      /sandbox\s*:\s*false/,
      /webSecurity\s*:\s*false/,
      /allowRunningInsecureContent\s*:\s*true/,
      /webviewTag\s*:\s*true/,
      /experimentalFeatures\s*:\s*true/,
      /enableBlinkFeatures/,
      /enableRemoteModule/,
      /\bBrowserView\b/,
      /\bWebContentsView\b/,
      /setCertificateVerifyProc|certificate-error/,
      /appendSwitch\s*\(\s*['"](?:no-sandbox|disable-web-security|ignore-certificate-errors)/,
    ];
    for (const { path, code } of electronSources()) {
      for (const pattern of forbidden) expect(code, `${path} matches ${pattern}`).not.toMatch(pattern);
    }
  });

  it('main sandboxes every renderer, guards every web contents, and refuses every permission', () => {
    const main = source('electron/main.ts');
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    expect(main).toMatch(/app\.on\(\s*'web-contents-created',\s*\(_event, contents\)\s*=>\s*guardNavigation\(contents,/);
    expect(main).toMatch(/\.setPermissionRequestHandler\(denyPermissionRequest\)/);
    expect(main).toMatch(/\.setPermissionCheckHandler\(denyPermissionCheck\)/);
    // One IPC entry point, and the sender check is the first thing it does.
    expect(main.match(/ipcMain\.\w+/g)).toEqual(['ipcMain.handle']);
    expect(main).toMatch(/ipcMain\.handle\(INVOKE_CHANNEL,/);
    expect(main).toMatch(/async function invoke\([^)]*\)[^{]*\{\s*if \(!isFromOurPage\(event, mainWindow\)\) return fail\('UNAUTHORIZED'/);
    // Links leave the app only through the navigation guard's filter.
    const opens = electronSources().flatMap(({ path, code }) => (code.match(/openExternal\(/g) ?? []).map(() => path));
    expect(opens.filter((path) => path !== 'electron/main/navigation.ts')).toEqual(['electron/main.ts']);
    expect(main).toMatch(/guardNavigation\(contents, \(url\) => shell\.openExternal\(url\)\)/);
  });
});

// ---- permissions ---------------------------------------------------------------------------

describe('permissions', () => {
  const PERMISSIONS = [
    'media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal',
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'idle-detection', 'mediaKeySystem',
    'window-management', 'speaker-selection', 'storage-access', 'top-level-storage-access', 'fileSystem',
    'hid', 'serial', 'usb', 'keyboardLock', 'unknown', '',
  ];

  it('refuses every permission request, once, at once', () => {
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = [];
      denyPermissionRequest({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
  });

  it('grants no permission check', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

// ---- navigation ----------------------------------------------------------------------------

interface NavigationEvent {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
}

/** A web contents that records the guard's handlers and lets a test fire them. */
function guarded() {
  const handlers = new Map<string, (event: NavigationEvent) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, handler: (event: NavigationEvent) => void) {
      handlers.set(name, handler);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const opened: string[] = [];
  guardNavigation(contents as unknown as GuardedContents, async (url) => {
    opened.push(url);
  });
  const fire = (name: string, url: string, isMainFrame = true): boolean => {
    let prevented = false;
    const handler = handlers.get(name);
    if (!handler) throw new Error(`no ${name} handler`);
    handler({ url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return {
    opened,
    handlers,
    /** True when the navigation was stopped. */
    navigate: (url: string) => fire('will-navigate', url),
    navigateFrame: (url: string, isMainFrame: boolean) => fire('will-frame-navigate', url, isMainFrame),
    redirect: (url: string) => fire('will-redirect', url),
    attachWebview: () => fire('will-attach-webview', 'about:blank'),
    open: (url: string) => {
      if (!openHandler) throw new Error('no window-open handler');
      return openHandler({ url }).action;
    },
  };
}

const REFUSED_LINKS = [
  'javascript:alert(1)',
  'JavaScript:alert(document.domain)',
  'java\nscript:alert(1)',
  'file:///etc/passwd',
  'file://server/share/x.exe',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://command-post/123',
  'vbscript:msgbox(1)',
  'smb://share/x',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'app://other/index.html',
  'app://command-post.evil/index.html',
  'https://user:pass@example.com/',
  'https://user@example.com/',
  'http://:secret@example.com/',
  'not a url',
  '',
];

describe('navigation and new windows', () => {
  it('lets the app page move within itself, and nowhere else', () => {
    const guard = guarded();
    expect(guard.navigate(APP_ENTRY_URL)).toBe(false);
    expect(guard.navigate('app://command-post/index.html#/incident/INC-1')).toBe(false);
    expect(guard.redirect('app://command-post/index.html')).toBe(false);
    expect(guard.navigateFrame('https://evil.example/', true), 'main frames are will-navigate’s job').toBe(false);
    expect(guard.navigateFrame(APP_ENTRY_URL, false)).toBe(false);
    expect(guard.opened).toEqual([]);
  });

  it('stops a web link and hands it to the system browser instead', () => {
    const guard = guarded();
    expect(guard.navigate('https://status.example.com/incidents/1')).toBe(true);
    expect(guard.navigate('HTTP://runbook.internal/db')).toBe(true);
    expect(guard.opened).toEqual(['https://status.example.com/incidents/1', 'http://runbook.internal/db']);
  });

  it('stops every other scheme, credentials in a URL, and garbage, and opens nothing', () => {
    const guard = guarded();
    for (const url of REFUSED_LINKS) {
      expect(guard.navigate(url), url).toBe(true);
      expect(guard.redirect(url), url).toBe(true);
      expect(guard.navigateFrame(url, false), url).toBe(true);
      expect(guard.open(url), url).toBe('deny');
      expect(externalLinkTarget(url), url).toBeNull();
    }
    expect(guard.opened).toEqual([]);
  });

  it('refuses any scheme but http and https, whatever follows it', () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,12}$/).filter((s) => s !== 'http' && s !== 'https');
    fc.assert(
      fc.property(scheme, fc.string({ unit: 'grapheme', maxLength: 40 }), (name, rest) => {
        const url = `${name}:${rest}`;
        expect(externalLinkTarget(url)).toBeNull();
        const guard = guarded();
        expect(guard.open(url)).toBe('deny');
        if (!isAppUrl(url)) expect(guard.navigate(url)).toBe(true);
        expect(guard.opened).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('denies every new window, even of the app itself; a web link opens outside', () => {
    const guard = guarded();
    expect(guard.open(APP_ENTRY_URL)).toBe('deny');
    expect(guard.open('https://status.example.com/')).toBe('deny');
    expect(guard.opened).toEqual(['https://status.example.com/']);
  });

  it('never attaches a webview', () => {
    expect(guarded().attachWebview()).toBe(true);
  });

  it('survives the system browser failing to open', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const contents = { on: () => contents, setWindowOpenHandler: (h: (d: { url: string }) => unknown) => h({ url: 'https://x.example/' }) };
    guardNavigation(contents as unknown as GuardedContents, () => Promise.reject(new Error('no browser')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveBeenCalledWith('Opening a link failed:', expect.any(Error));
  });
});

// ---- IPC sender ----------------------------------------------------------------------------

describe('the IPC sender check', () => {
  const window = (over: Partial<{ destroyed: boolean; id: number }> = {}): OurWindow => ({
    isDestroyed: () => over.destroyed ?? false,
    webContents: { id: over.id ?? 7, mainFrame: { processId: 3, routingId: 1 } },
  });
  const frame: SenderFrame = { parent: null, processId: 3, routingId: 1, url: APP_ENTRY_URL };
  const event = (over: Partial<SenderFrame> | null = {}, senderId = 7): SenderEvent => ({
    sender: { id: senderId },
    senderFrame: over === null ? null : { ...frame, ...over },
  });

  it('accepts the main frame of our window on our page', () => {
    expect(isFromOurPage(event(), window())).toBe(true);
    expect(isFromOurPage(event({ url: 'app://command-post/index.html#/metrics' }), window())).toBe(true);
  });

  it('refuses a subframe, another web contents, another process, a foreign page, and a vanished frame', () => {
    expect(isFromOurPage(event({ parent: { url: APP_ENTRY_URL } }), window()), 'subframe').toBe(false);
    expect(isFromOurPage(event({ routingId: 2 }), window()), 'another frame of the window').toBe(false);
    expect(isFromOurPage(event({ processId: 4 }), window()), 'another process').toBe(false);
    expect(isFromOurPage(event({}, 8), window()), 'another web contents').toBe(false);
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'data:text/html,x', 'about:blank', 'app://other/', '']) {
      expect(isFromOurPage(event({ url }), window()), url).toBe(false);
    }
    expect(isFromOurPage(event(null), window()), 'no frame').toBe(false);
    expect(isFromOurPage(event(), null), 'no window').toBe(false);
    expect(isFromOurPage(event(), window({ destroyed: true })), 'closed window').toBe(false);
    const vanished: SenderEvent = {
      sender: { id: 7 },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isFromOurPage(vanished, window()), 'frame gone mid-call').toBe(false);
  });
});

// ---- preload -------------------------------------------------------------------------------

function fakeIpc() {
  const calls: unknown[][] = [];
  const listeners = new Map<string, Set<(ipcEvent: unknown, ...args: unknown[]) => void>>();
  let answer: () => Promise<unknown> = async () => ({ ok: true, value: 'answered' });
  const ipc: BridgeIpc = {
    invoke: (...args) => {
      calls.push(args);
      return answer();
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  return {
    ipc,
    calls,
    listeners,
    answerWith: (next: () => Promise<unknown>) => {
      answer = next;
    },
  };
}

const EVENT = { id: 'ev-1', incidentId: 'INC-1', seq: 1, at: 0, actor: 'ic', type: 'incident.pinned', payload: {} } as unknown as IncidentEvent;

describe('the preload bridge', () => {
  it('preload.ts exposes exactly invoke and onEvent as window.commandPost, once', async () => {
    await import('../../electron/preload');
    expect(fakeElectron.exposed.map((entry) => entry.name)).toEqual([BRIDGE_NAME]);
    const api = fakeElectron.exposed[0]!.api as CommandPostBridge;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(Object.getOwnPropertyNames(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(await api.invoke('nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(fakeElectron.ipcCalls).toEqual([]);
    expect(await api.invoke('incident.list', {})).toEqual({ ok: true, value: 'from main' });
    expect(fakeElectron.ipcCalls).toEqual([[INVOKE_CHANNEL, 'incident.list', {}]]);
  });

  it('refuses unknown command names without sending anything', async () => {
    const { ipc, calls } = fakeIpc();
    const bridge = createBridge(ipc);
    const names: unknown[] = [
      'nope', '', 'incident', 'incident.declare ', 'INCIDENT.DECLARE', '__proto__', 'constructor', 'toString',
      'hasOwnProperty', 'valueOf', 'x'.repeat(100_000), 42, null, undefined, {}, ['incident.list'],
      { toString: () => 'incident.list' },
    ];
    for (const name of names) {
      const reply = await bridge.invoke(name as string, {});
      expect(reply, String(name).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: expect.any(String) } });
      expect(JSON.stringify(reply).length).toBeLessThan(200);
    }
    expect(calls).toEqual([]);
  });

  it('sends a known command on the one channel, and never rejects', async () => {
    const { ipc, calls, answerWith } = fakeIpc();
    const bridge = createBridge(ipc);
    expect(await bridge.invoke('incident.declare', { title: 'x', severity: 'SEV1' })).toEqual({ ok: true, value: 'answered' });
    expect(calls).toEqual([[INVOKE_CHANNEL, 'incident.declare', { title: 'x', severity: 'SEV1' }]]);
    answerWith(() => Promise.reject(new Error('main went away')));
    expect(await bridge.invoke('incident.list', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    answerWith(() => {
      throw new Error('An object could not be cloned.');
    });
    expect(await bridge.invoke('incident.list', { f: () => 1 })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('passes pushed events on without the IPC event, and stops on request', () => {
    const { ipc, listeners } = fakeIpc();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    const stop = bridge.onEvent((...args: unknown[]) => received.push(args));
    expect([...listeners.keys()]).toEqual([EVENT_CHANNEL]);
    const [forward] = [...listeners.get(EVENT_CHANNEL)!];
    forward!({ sender: { send: () => 'the raw IPC object' } }, EVENT);
    expect(received).toEqual([[EVENT]]);
    stop();
    expect(listeners.get(EVENT_CHANNEL)!.size).toBe(0);
    expect(bridge.onEvent('not a function' as never)()).toBeUndefined();
    expect(listeners.get(EVENT_CHANNEL)!.size).toBe(0);
  });
});
