import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of one target, for partition tests. `cut('blackhole')` stops
 * forwarding without closing anything, as a pulled cable does (the peers see silence, then their
 * own timeouts); `cut('reset')` destroys every connection and refuses new ones at once. `heal()`
 * forwards again; connections that lived through a black hole stay stalled (their bytes were
 * dropped), so they are closed on heal and the peers reconnect, as after a real outage.
 */
export interface TcpProxy {
  readonly port: number;
  readonly url: string;
  cut(mode: 'blackhole' | 'reset'): void;
  heal(): void;
  readonly state: 'open' | 'blackhole' | 'reset';
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let state: TcpProxy['state'] = 'open';
  const pairs = new Set<[Socket, Socket]>();
  const server: Server = createServer((client) => {
    if (state === 'reset') {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => {
        // In a black hole the bytes vanish; nothing is closed.
        if (state === 'open') to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const dropAll = () => {
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    get state() {
      return state;
    },
    cut(mode) {
      state = mode;
      if (mode === 'reset') dropAll();
    },
    heal() {
      if (state === 'blackhole') dropAll();
      state = 'open';
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
