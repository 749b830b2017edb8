import { parseArgs } from 'node:util';
import { defaultDataDir } from '../services/paths.js';

export interface HostOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly token: string | null;
}

export const USAGE = `usage: npm run serve -- [--port 8123] [--host 127.0.0.1] [--data DIR] [--token SECRET]
  --port   TCP port (0 picks a free one); default 8123
  --host   address to bind; anything but loopback needs --token; default 127.0.0.1
  --data   data directory (journal, settings); default the per-user application data folder
  --token  shared secret every API request must carry (also read from KIOSK_TOKEN)`;

/** Parses the command line; a bad value is reported by name rather than guessed. */
export function parseHostOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HostOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '8123' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      token: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected 0..65535, got "${values.port}"`);
  const token = values.token ?? env.KIOSK_TOKEN ?? null;
  if (token !== null && token.length < 16) throw new Error('--token: use at least 16 characters');
  return { port, host: values.host, dataDir: values.data ?? defaultDataDir(env), token };
}
