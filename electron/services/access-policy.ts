import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Loopback binds may run without a token; anything reachable from the LAN may not. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** The token from `Authorization: Bearer …`, or from `?token=` where a browser cannot set headers. */
export function presentedToken(request: IncomingMessage, url: URL): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return url.searchParams.get('token');
}

export function tokenMatches(expected: string | null, presented: string | null): boolean {
  if (expected === null) return true;
  if (presented === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A dispatcher may do everything; a viewer may read the board and subscribe, never change it. */
export type AccessRole = 'dispatcher' | 'viewer';

export interface AccessTokens {
  /** the dispatcher token; null means no token is needed (loopback only) */
  readonly token: string | null;
  /** the viewer token; only meaningful together with a dispatcher token */
  readonly viewerToken?: string | null;
}

/** Which role the presented token grants, or null for none. Both tokens are compared in constant time. */
export function accessRole(tokens: AccessTokens, presented: string | null): AccessRole | null {
  if (tokens.token === null) return 'dispatcher';
  const dispatcher = tokenMatches(tokens.token, presented);
  const viewer = tokens.viewerToken != null && tokenMatches(tokens.viewerToken, presented);
  return dispatcher ? 'dispatcher' : viewer ? 'viewer' : null;
}

/**
 * DNS rebinding: a page on attacker.example may point its own name at 127.0.0.1 and then talk to
 * us as "same origin". Its requests still say `Host: attacker.example`, so only names we are known
 * by are served: loopback names, the bound address, IP literals when bound to every interface
 * (an address cannot be rebound), and names the operator configured (--allow-host).
 */
export function hostAllowed(request: IncomingMessage, boundHost: string, allowedNames: readonly string[]): boolean {
  const header = request.headers.host;
  if (header === undefined) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isLoopback(bare) || bare === boundHost.toLowerCase()) return true;
  if (isIP(bare) !== 0 && (boundHost === '0.0.0.0' || boundHost === '::')) return true;
  return allowedNames.some((name) => name.toLowerCase() === bare);
}

/**
 * A page on another site may send requests to a loopback server from the user's browser. Such
 * requests carry an Origin that is not ours; scripts and curl send none.
 */
export function originAllowed(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}
