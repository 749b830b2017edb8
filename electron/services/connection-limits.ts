import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Every connection holds a file descriptor. With 1,024 descriptors, 1,100 clients dripping their
 * bodies locked everybody else out for minutes and would have left the journal none to open.
 * So: a request must arrive within seconds, connections stay below the descriptor limit with room
 * kept for the journal and snapshots, and one address cannot take them all.
 */
export interface ConnectionLimits {
  readonly headersMs: number;
  readonly requestMs: number;
  readonly reservedDescriptors: number;
  readonly perAddress: number;
  readonly maxConnections: number;
}

export const CONNECTION_LIMITS: ConnectionLimits = {
  headersMs: 5_000,
  /** headers and body together */
  requestMs: 10_000,
  /** descriptors kept for the journal, snapshots, settings and logs */
  reservedDescriptors: 64,
  perAddress: 128,
  maxConnections: 4_096,
};

/** The soft limit on open files (Linux: /proc/self/limits); elsewhere a common default. */
export function descriptorLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    return Number.isFinite(soft) && soft > 0 ? soft : 1_024;
  } catch {
    return 1_024;
  }
}

export function connectionBudget(limits: ConnectionLimits, descriptors = descriptorLimit()): number {
  return Math.max(16, Math.min(limits.maxConnections, descriptors - limits.reservedDescriptors));
}

/** Applies the deadlines and caps to an HTTP server (WebSocket upgrades included). */
export function limitConnections(server: Server, limits: ConnectionLimits = CONNECTION_LIMITS): void {
  server.headersTimeout = limits.headersMs;
  server.requestTimeout = limits.requestMs;
  server.maxConnections = connectionBudget(limits);
  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (perAddress.get(address) ?? 0) + 1;
    if (count > limits.perAddress) {
      socket.destroy();
      return;
    }
    perAddress.set(address, count);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left === 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });
}
