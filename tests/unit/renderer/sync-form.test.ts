import { describe, expect, it } from 'vitest';
import { connectionAdvice, sameSyncDraft, syncDraftFrom, syncInput, type SyncDraft } from '../../../renderer/components/settings/sync-form';

const URL_OK = 'postgres://ic@db.example.com:5432/command_post?sslmode=verify-full';

function draft(patch: Partial<SyncDraft> = {}): SyncDraft {
  return { url: URL_OK, team: 'dev', enabled: true, password: { kind: 'keep' }, ...patch };
}

describe('the team sync form', () => {
  it('starts from the saved connection, keeping the saved password', () => {
    const view = { url: URL_OK, team: 'dev', enabled: true, hasPassword: true, fromCommandLine: false, consoleId: 'c-1' };
    expect(syncDraftFrom(view)).toEqual(draft());
    expect(sameSyncDraft(syncDraftFrom(view), draft())).toBe(true);
    expect(sameSyncDraft(syncDraftFrom(view), draft({ enabled: false }))).toBe(false);
  });

  it('sends no password when the saved one stays, the new one when typed, null to forget it', () => {
    expect(syncInput(draft())).toEqual({ input: { url: URL_OK, team: 'dev', enabled: true } });
    expect(syncInput(draft({ password: { kind: 'new', value: 's3cret' } }))).toEqual({ input: { url: URL_OK, team: 'dev', enabled: true, password: 's3cret' } });
    expect(syncInput(draft({ password: { kind: 'forget' } }))).toEqual({ input: { url: URL_OK, team: 'dev', enabled: true, password: null } });
  });

  it('trims what was typed', () => {
    expect(syncInput(draft({ url: `  ${URL_OK} `, team: ' dev ' }))).toEqual({ input: { url: URL_OK, team: 'dev', enabled: true } });
  });

  it.each([
    ['', /Type the team database's connection URL/],
    ['db.example.com:5432', /The URL must start with postgres:\/\//],
    ['not a url', /This is not a URL/],
    ['https://ic@db.example.com/command_post', /must start with postgres:\/\//],
    ['postgres://db.example.com:5432/command_post', /names no user/],
  ])('refuses the URL %j', (url, message) => {
    const checked = syncInput(draft({ url }));
    expect('errors' in checked && checked.errors.url).toMatch(message);
  });

  it('accepts postgresql:// as well', () => {
    expect('input' in syncInput(draft({ url: 'postgresql://ic@db/command_post' }))).toBe(true);
  });

  it('asks for a team id unless the URL carries one', () => {
    const missing = syncInput(draft({ team: '' }));
    expect('errors' in missing && missing.errors.team).toMatch(/Type the team id/);
    expect(syncInput(draft({ team: '', url: `${URL_OK}&team=dev` }))).toEqual({ input: { url: `${URL_OK}&team=dev`, team: '', enabled: true } });
  });

  it.each(['Dev', 'dev team', '-dev', 'x'.repeat(41)])('refuses the team id %j', (team) => {
    const checked = syncInput(draft({ team }));
    expect('errors' in checked && checked.errors.team).toMatch(/lower-case letters, digits, - and _/);
  });

  it('asks for the new password once Change was pressed', () => {
    const empty = syncInput(draft({ password: { kind: 'new', value: '' } }));
    expect('errors' in empty && empty.errors.password).toMatch(/Type the new password, or press Cancel/);
    const long = syncInput(draft({ password: { kind: 'new', value: 'x'.repeat(1001) } }));
    expect('errors' in long && long.errors.password).toMatch(/longer than 1000/);
  });

  it('reports every wrong field at once', () => {
    const checked = syncInput(draft({ url: '', team: 'Dev', password: { kind: 'new', value: '' } }));
    expect('errors' in checked && Object.keys(checked.errors).sort()).toEqual(['password', 'team', 'url']);
  });

  it('advises verify-full off the loopback, and says where a password in the URL goes', () => {
    expect(connectionAdvice(URL_OK)).toEqual([]);
    expect(connectionAdvice('postgres://ic@db.example.com/command_post')).toEqual([expect.stringMatching(/^Without sslmode=verify-full the server's certificate is not checked:/)]);
    expect(connectionAdvice('postgres://ic@db.example.com/command_post?sslmode=require')[0]).toMatch(/\(sslmode=require\)/);
    expect(connectionAdvice('postgres://ic@127.0.0.1:5432/command_post')).toEqual([]);
    expect(connectionAdvice('postgres://ic:pw@localhost/command_post')).toEqual([expect.stringMatching(/password typed in the URL is taken out on save/)]);
    expect(connectionAdvice('not a url')).toEqual([]);
  });
});
