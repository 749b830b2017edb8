import { afterEach } from 'vitest';
import { startHostServer, type HostServer, type HostServerOptions } from '../../electron/services/host-server.js';
import { startKioskServices, type KioskServices } from '../../electron/services/kiosk-services.js';
import type { JournalFileLayer } from '../../electron/services/journal.js';
import { createLogger } from '../../electron/services/logger.js';

export interface RunningHost {
  readonly url: string;
  readonly services: KioskServices;
  readonly server: HostServer;
  readonly logs: string[];
}

export interface HostOptions {
  /** the address to listen on; loopback unless given */
  readonly bind?: string;
  readonly token?: string | null;
  readonly viewerToken?: string | null;
  readonly staticDir?: string | null;
  readonly allowedHosts?: readonly string[];
  readonly limits?: HostServerOptions['limits'];
  /** the journal's file layer; fault tests pass one that fails on purpose */
  readonly journalFiles?: JournalFileLayer;
}

/** Real services and a real HTTP/WebSocket server on a free loopback port. */
export async function startHost(dataDir: string, options: HostOptions = {}): Promise<RunningHost> {
  const logs: string[] = [];
  const log = createLogger((line) => logs.push(line));
  const services = await startKioskServices(
    dataDir,
    log,
    Date.now,
    options.journalFiles === undefined ? {} : { journalFiles: options.journalFiles },
  );
  const server = await startHostServer({
    bus: services.bus,
    status: services.status,
    onStatusChange: services.onStatusChange,
    log,
    staticDir: options.staticDir ?? null,
    host: options.bind ?? '127.0.0.1',
    port: 0,
    token: options.token ?? null,
    ...(options.viewerToken === undefined ? {} : { viewerToken: options.viewerToken }),
    ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  return { url: server.url, services, server, logs };
}

export async function stopHost(host: { services: KioskServices; server: HostServer }): Promise<void> {
  await host.server.close();
  await host.services.close();
}

/** startHost, with every host closed after each test. */
export function useHosts(): (dataDir: string, options?: HostOptions) => Promise<RunningHost> {
  const running: RunningHost[] = [];
  afterEach(async () => {
    for (const host of running.splice(0)) await stopHost(host);
  });
  return async (dataDir, options = {}) => {
    const host = await startHost(dataDir, options);
    running.push(host);
    return host;
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
