import { readFile, realpath } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of what the renderer build contains; the app:// protocol serves the same files. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** No remote content, no inline script, no eval: the page talks only to its own host. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** Serves the built renderer; unknown paths get index.html so views can own their URLs. */
export async function serveStatic(root: string, pathname: string, response: ServerResponse): Promise<void> {
  const decoded = safeDecode(pathname);
  if (decoded === null) {
    response.writeHead(400).end();
    return;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const target = join(root, relative === '' ? 'index.html' : relative);
  if (!target.startsWith(root + sep) && target !== root) {
    response.writeHead(404).end();
    return;
  }
  const file = await readRealFile(root, target);
  const served = file ?? (await readRealFile(root, join(root, 'index.html')));
  if (served === null) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('renderer not built: run npm run build');
    return;
  }
  const type = file === null ? CONTENT_TYPES['.html'] : (CONTENT_TYPES[extname(target)] ?? 'application/octet-stream');
  response.writeHead(200, {
    'content-type': type,
    'cache-control': type === CONTENT_TYPES['.html'] ? 'no-cache' : 'public, max-age=31536000, immutable',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(served);
}

/**
 * Only real files inside the served folder: a symlink (or a link in the path) that leads out of it
 * is treated as missing, so a link dropped into the folder cannot serve /etc or the journal.
 */
async function readRealFile(root: string, target: string): Promise<Buffer | null> {
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
    if (!realTarget.startsWith(realRoot + sep)) return null;
    return await readFile(realTarget);
  } catch {
    return null;
  }
}

function safeDecode(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}
