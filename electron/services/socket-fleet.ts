import type { WebSocket } from 'ws';

/**
 * Views that stop reading keep their unsent messages in the host's memory: 100 of them took the
 * host from 108 MB to 1 GB. The fleet caps the number of sockets and the bytes waiting for all of
 * them together; over the cap the slowest reader (the most bytes waiting) is dropped first. A
 * dropped view reconnects by itself and catches up from its last seq or a snapshot.
 */
export interface FleetLimits {
  readonly maxSockets: number;
  readonly perSocketBytes: number;
  readonly totalBytes: number;
  readonly sweepMs: number;
}

export const FLEET_LIMITS: FleetLimits = {
  maxSockets: 500,
  perSocketBytes: 8 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
  sweepMs: 250,
};

export class SocketFleet {
  private readonly sockets = new Set<WebSocket>();
  private lastSweep = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly onDrop: (reason: string) => void,
    private readonly limits: FleetLimits = FLEET_LIMITS,
  ) {
    this.timer = setInterval(() => this.sweep(), limits.sweepMs);
    this.timer.unref();
  }

  get full(): boolean {
    return this.sockets.size >= this.limits.maxSockets;
  }

  add(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Sends shared bytes as a text frame, unless the socket is over its cap (then it is dropped). */
  send(socket: WebSocket, bytes: Buffer): void {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount + bytes.length > this.limits.perSocketBytes) {
      this.drop(socket, 'a view stopped reading');
      return;
    }
    socket.send(bytes, { binary: false });
    const now = Date.now();
    if (now - this.lastSweep >= this.limits.sweepMs / 5) this.sweep(now);
  }

  /** Drops the slowest readers until the bytes waiting for all sockets fit the cap again. */
  sweep(now = Date.now()): void {
    this.lastSweep = now;
    let total = 0;
    for (const socket of this.sockets) total += socket.bufferedAmount;
    if (total <= this.limits.totalBytes) return;
    const slowestFirst = [...this.sockets].sort((a, b) => b.bufferedAmount - a.bufferedAmount);
    for (const socket of slowestFirst) {
      if (total <= this.limits.totalBytes * 0.75) break;
      total -= socket.bufferedAmount;
      this.drop(socket, 'the views together held too much unsent data');
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const socket of this.sockets) socket.terminate();
  }

  private drop(socket: WebSocket, reason: string): void {
    this.sockets.delete(socket);
    this.onDrop(reason);
    socket.terminate();
  }
}
