import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { HostServer } from '../../electron/services/host-server.js';
import type { KioskServices } from '../../electron/services/kiosk-services.js';
import { startHost, stopHost } from '../helpers/host-fixture.js';

export interface FuzzHost {
  readonly url: URL;
  readonly services: KioskServices;
  readonly server: HostServer;
  readonly journalPath: string;
  /** the journal's bytes and the board's seq, to prove a bad request changed nothing */
  fingerprint(): Promise<{ seq: number; journal: string }>;
}

/** One real host (services + HTTP/WebSocket server on a free loopback port) for a whole file. */
export function useFuzzHost(): () => FuzzHost {
  let host: FuzzHost | null = null;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kiosk-fuzz-'));
    const { services, server } = await startHost(dataDir);
    const journalPath = join(dataDir, 'journal', 'events.ndjson');
    host = {
      url: new URL(server.url),
      services,
      server,
      journalPath,
      fingerprint: async () => ({ seq: services.bus.state.seq, journal: (await readFile(journalPath)).toString('base64') }),
    };
  });
  afterAll(async () => {
    if (host !== null) await stopHost(host);
    await rm(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (host === null) throw new Error('host not started');
    return host;
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json(): { ok: boolean; error?: { code: string; message: string; field?: string } };
}

/** A real HTTP request with full control over bytes, framing and source address. */
export function rawRequest(
  base: URL,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string | number>;
    body?: Buffer | string;
    /** send the body in chunks without a content-length */
    chunked?: boolean;
    localAddress?: string;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    const headers: Record<string, string | number> = { ...(options.headers ?? {}) };
    if (body !== undefined && !options.chunked && headers['content-length'] === undefined) headers['content-length'] = body.length;
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method: options.method ?? 'POST',
        path: options.path,
        headers,
        agent: false,
        localAddress: options.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as ReturnType<RawResponse['json']>,
          });
        });
        res.on('error', reject);
      },
    );
    // The host may answer (413) and close before a huge body is all sent: that is not a failure.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    if (body !== undefined && options.chunked) {
      const size = 64 * 1024;
      for (let offset = 0; offset < body.length; offset += size) req.write(body.subarray(offset, offset + size));
      req.end();
    } else {
      req.end(body);
    }
  });
}

export const jsonHeaders = { 'content-type': 'application/json' } as const;
