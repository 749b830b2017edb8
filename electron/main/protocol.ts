import { readFile, realpath } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, FALLBACK_PATH, viewOf, type BoardView } from './app-origin.js';
import { CONTENT_TYPES } from '../services/static-files.js';
import { FALLBACK_CSP } from './fallback-page.js';

/**
 * The app:// protocol: serves the built renderer (dist/renderer) to the app's own windows, with a
 * strict Content-Security-Policy, and the generated fallback page. Nothing else: no file://, no
 * loopback port, no remote content.
 */

/** No 'unsafe-eval', no 'unsafe-inline' script, no remote origin; the page talks to main over IPC only. */
export const BOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self'",
  "connect-src 'self'",
  "worker-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Registered before the app is ready: standard (relative URLs, origin), secure context, fetch. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
} as const;

export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ ...APP_SCHEME_PRIVILEGES, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
}

export type AppRoute =
  | { readonly kind: 'file'; readonly path: string; readonly contentType: string }
  | { readonly kind: 'fallback'; readonly view: BoardView }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404 | 405; readonly why: string };

/** Pure: what an app:// request asks for. Paths are confined to the renderer folder. */
export function resolveAppRequest(method: string, url: string, rendererDir: string): AppRoute {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405, why: 'method not allowed' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400, why: 'bad URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'refused', status: 404, why: 'unknown host' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'refused', status: 400, why: 'bad escape in path' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused', status: 400, why: 'bad path' };
  if (pathname === FALLBACK_PATH) return { kind: 'fallback', view: viewOf(url) };
  const relative = normalize(pathname).replace(/^[/\\]+/, '');
  const root = normalize(rendererDir);
  const target = join(root, relative === '' ? 'index.html' : relative);
  if (!target.startsWith(root.endsWith(sep) ? root : root + sep)) return { kind: 'refused', status: 403, why: 'outside the app' };
  const contentType = CONTENT_TYPES[extname(target).toLowerCase()];
  if (contentType === undefined) return { kind: 'refused', status: 404, why: 'no such file type' };
  return { kind: 'file', path: target, contentType };
}

export interface AppProtocolOptions {
  readonly rendererDir: string;
  readonly fallbackPage: (view: BoardView) => string;
  readonly onRefused?: (url: string, why: string) => void;
}

const baseHeaders = (contentType: string, csp: string): Record<string, string> => ({
  'content-type': contentType,
  'content-security-policy': csp,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
});

/** The request handler, electron-free (Request and Response are the Fetch API's). */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const route = resolveAppRequest(request.method, request.url, options.rendererDir);
    if (route.kind === 'refused') {
      options.onRefused?.(request.url, route.why);
      return new Response(null, { status: route.status, headers: baseHeaders('text/plain; charset=utf-8', BOARD_CSP) });
    }
    if (route.kind === 'fallback') {
      return new Response(options.fallbackPage(route.view), {
        status: 200,
        headers: baseHeaders('text/html; charset=utf-8', FALLBACK_CSP),
      });
    }
    // A symlink inside dist/renderer must not lead outside it either.
    const real = await realpath(route.path).catch(() => null);
    const realRoot = await realpath(options.rendererDir).catch(() => null);
    if (real === null || realRoot === null || !(real === realRoot || real.startsWith(realRoot + sep))) {
      options.onRefused?.(request.url, real === null ? 'not found' : 'outside the app');
      return new Response(null, { status: 404, headers: baseHeaders('text/plain; charset=utf-8', BOARD_CSP) });
    }
    const body = await readFile(real).catch(() => null);
    if (body === null) return new Response(null, { status: 404, headers: baseHeaders('text/plain; charset=utf-8', BOARD_CSP) });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: baseHeaders(route.contentType, BOARD_CSP),
    });
  };
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
