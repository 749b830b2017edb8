import { afterEach } from 'vitest';
import { startHostServer, type HostServer } from '../../electron/services/host-server.js';
import { startKioskServices, type KioskServices } from '../../electron/services/kiosk-services.js';
import { createLogger } from '../../electron/services/logger.js';

export interface RunningHost {
  readonly url: string;
  readonly services: KioskServices;
  readonly server: HostServer;
  readonly logs: string[];
}

/** Real services and a real HTTP/WebSocket server on a free loopback port, closed after each test. */
export function useHosts(): (dataDir: string, options?: { token?: string; staticDir?: string }) => Promise<RunningHost> {
  const running: RunningHost[] = [];
  afterEach(async () => {
    for (const host of running.splice(0)) {
      await host.server.close();
      await host.services.close();
    }
  });
  return async (dataDir, options = {}) => {
    const logs: string[] = [];
    const log = createLogger((line) => logs.push(line));
    const services = await startKioskServices(dataDir, log);
    const server = await startHostServer({
      bus: services.bus,
      status: services.status,
      onStatusChange: services.onStatusChange,
      log,
      staticDir: options.staticDir ?? null,
      host: '127.0.0.1',
      port: 0,
      token: options.token ?? null,
    });
    const host = { url: server.url, services, server, logs };
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
