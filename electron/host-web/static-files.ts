import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Command Post</title></head>
<body><h1>Command Post</h1>
<p>The console has not been built yet. Run <code>npm run build:renderer</code>, then reload this page.</p>
</body></html>
`;

/** True for the paths that mean "the app's page". */
export function isEntryPath(urlPath: string): boolean {
  return urlPath === '/' || urlPath === '' || urlPath === '/index.html';
}

/**
 * The file under `root` that a URL path names, or null when it names no regular file there.
 * The resolved path, symlinks followed, must stay inside `root`. Source maps are never served:
 * they would hand out the sources of the app.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || path.extname(decoded).toLowerCase() === '.map') return null;
  const relative = isEntryPath(decoded) ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const base = path.resolve(root);
  const candidate = path.resolve(base, relative);
  if (!isInside(base, candidate)) return null;
  try {
    const [realBase, realFile] = await Promise.all([realpath(base), realpath(candidate)]);
    if (!isInside(realBase, realFile)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

function isInside(base: string, target: string): boolean {
  const relative = path.relative(base, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
