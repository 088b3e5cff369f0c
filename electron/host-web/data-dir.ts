import os from 'node:os';
import path from 'node:path';

/** Where the browser host keeps incidents: $COMMAND_POST_DATA_DIR, else the usual per-user data folder. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const fromEnv = env.COMMAND_POST_DATA_DIR;
  if (fromEnv) return paths.resolve(fromEnv);
  if (platform === 'darwin') return paths.join(home, 'Library', 'Application Support', 'Command Post');
  if (platform === 'win32') return paths.join(env.APPDATA || paths.join(home, 'AppData', 'Roaming'), 'Command Post');
  return paths.join(env.XDG_DATA_HOME || paths.join(home, '.local', 'share'), 'command-post');
}
