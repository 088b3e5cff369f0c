import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseHostArgs } from './args';
import { defaultDataDir } from './data-dir';

describe('parseHostArgs', () => {
  it('defaults to port 4317 on 127.0.0.1 and the per-user data dir', () => {
    expect(parseHostArgs([], { COMMAND_POST_DATA_DIR: '/tmp/cp-data' })).toEqual({
      ok: true,
      help: false,
      args: { port: DEFAULT_PORT, host: '127.0.0.1', dataDir: path.resolve('/tmp/cp-data'), newToken: false, sync: null, intakeListen: null, newIntakeToken: false },
    });
  });

  it('reads --port, --data-dir and --host, in both spellings', () => {
    const parsed = parseHostArgs(['--port', '0', '--data-dir=rel/dir', '--host', 'localhost', '--new-token'], {});
    expect(parsed).toEqual({
      ok: true,
      help: false,
      args: { port: 0, host: 'localhost', dataDir: path.resolve('rel/dir'), newToken: true, sync: null, intakeListen: null, newIntakeToken: false },
    });
  });

  it.each([
    [['--bogus']],
    [['--port']],
    [['--port', 'abc']],
    [['--port', '-1']],
    [['--port', '65536']],
    [['--port', '1.5']],
    [['--data-dir', '']],
    [['--host', ' ']],
    [['positional']],
    [['--sync-url', 'mysql://x@y/z']],
  ])('refuses %j with a message', (argv) => {
    const parsed = parseHostArgs(argv, {});
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(0);
  });
});

describe('--sync-url', () => {
  it('takes the team database from the flag or the environment, the team from the environment too', () => {
    const flag = parseHostArgs(['--sync-url', 'postgres://dana:pw@db/cp?team=ops'], {});
    expect(flag.ok && flag.args.sync).toEqual({ url: 'postgres://dana:pw@db/cp?team=ops' });
    const env = parseHostArgs([], { COMMAND_POST_SYNC_URL: 'postgresql://dana@db/cp', COMMAND_POST_SYNC_TEAM: 'ops' });
    expect(env.ok && env.args.sync).toEqual({ url: 'postgresql://dana@db/cp', team: 'ops' });
  });
});

describe('defaultDataDir', () => {
  it('prefers $COMMAND_POST_DATA_DIR', () => {
    expect(defaultDataDir({ COMMAND_POST_DATA_DIR: '/srv/cp' }, 'linux', '/home/ic')).toBe('/srv/cp');
  });

  it('uses each platform’s per-user data folder', () => {
    expect(defaultDataDir({}, 'linux', '/home/ic')).toBe('/home/ic/.local/share/command-post');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ic')).toBe('/data/command-post');
    expect(defaultDataDir({}, 'darwin', '/Users/ic')).toBe('/Users/ic/Library/Application Support/Command Post');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ic\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ic')).toBe(
      'C:\\Users\\ic\\AppData\\Roaming\\Command Post',
    );
  });
});
