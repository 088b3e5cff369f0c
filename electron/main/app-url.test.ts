import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, externalLinkTarget, isAppUrl, isTrustedSender } from './app-url';

describe('isAppUrl', () => {
  it('accepts only pages of app://command-post', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://command-post/index.html#/incident/INC-1')).toBe(true);
    for (const url of [
      'app://other/index.html',
      'app://command-post.evil/index.html',
      'https://command-post/index.html',
      'file:///app/out/renderer/index.html',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('externalLinkTarget', () => {
  it('passes http and https links to the browser', () => {
    expect(externalLinkTarget('https://status.example.com/incidents/1')).toBe('https://status.example.com/incidents/1');
    expect(externalLinkTarget('http://runbook.internal/db')).toBe('http://runbook.internal/db');
  });

  it('refuses every other scheme, credentials in the URL, and garbage', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://share/x',
      'ms-msdt:/id',
      'app://command-post/index.html',
      'https://user:pass@example.com/',
      'nonsense',
    ]) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });
});

describe('isTrustedSender', () => {
  const trusted = { fromOurWindow: true, isMainFrame: true, url: APP_ENTRY_URL };

  it('trusts our window’s main frame on our page only', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, fromOurWindow: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, url: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...trusted, url: '' })).toBe(false);
  });
});
