import { describe, expect, it } from 'vitest';
import { WINDOW_CSP, windowOptions } from './window-options';

describe('windowOptions', () => {
  it('locks the renderer down', () => {
    const { webPreferences } = windowOptions('/app/out/preload/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('opens at 1440×900 on a dark background, never smaller than 1280×720', () => {
    expect(windowOptions('p')).toMatchObject({
      width: 1440,
      height: 900,
      minWidth: 1280,
      minHeight: 720,
      backgroundColor: '#0b0f14',
      show: false,
    });
    expect(windowOptions('p', { width: 1366, height: 728 })).toMatchObject({ width: 1366, height: 728 });
    expect(windowOptions('p', { width: 1024, height: 600 })).toMatchObject({ width: 1280, height: 720 });
  });

  it('has a CSP that allows only the app itself', () => {
    expect(WINDOW_CSP).toContain("default-src 'self'");
    expect(WINDOW_CSP).toContain("script-src 'self';");
    expect(WINDOW_CSP).toContain("connect-src 'self';");
    expect(WINDOW_CSP).toContain("object-src 'none'");
    expect(WINDOW_CSP).not.toContain('unsafe-eval');
    expect(WINDOW_CSP).not.toContain('ws:');
  });
});
