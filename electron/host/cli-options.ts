import { parseArgs } from 'node:util';
import { defaultDataDir } from '../services/paths.js';

export interface HostOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly token: string | null;
  /** may view the board (state, settings, socket) but not send commands or alarms */
  readonly viewerToken: string | null;
  /** DNS names this machine is reached by, besides loopback and the bound address */
  readonly allowedHosts: readonly string[];
  /** run under the watchdog (a supervisor process and a stall-detecting thread); off for tests that kill the host */
  readonly watchdog: boolean;
}

export const USAGE = `usage: npm run serve -- [--port 8123] [--host 127.0.0.1] [--data DIR] [--token SECRET] [--viewer-token SECRET]
  --port          TCP port (0 picks a free one); default 8123
  --host          address to bind; anything but loopback needs --token; default 127.0.0.1
  --data          data directory (journal, settings); default the per-user application data folder
  --token         dispatcher secret every API request must carry (also read from KIOSK_TOKEN)
  --viewer-token  second secret that may only view the board: no commands, no alarms
                  (also read from KIOSK_VIEWER_TOKEN; needs --token)
  --allow-host    comma-separated host names the board is opened by (e.g. board.plant.local);
                  other names are refused so that no web page can rebind its name to this board
  --no-watchdog   run without the supervisor that restarts a host that stopped answering for 5 s`;

/** Parses the command line; a bad value is reported by name rather than guessed. */
export function parseHostOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HostOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '8123' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      token: { type: 'string' },
      'viewer-token': { type: 'string' },
      'allow-host': { type: 'string', default: '' },
      'no-watchdog': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected 0..65535, got "${values.port}"`);
  const token = values.token ?? env.KIOSK_TOKEN ?? null;
  if (token !== null && token.length < 16) throw new Error('--token: use at least 16 characters');
  const viewerToken = values['viewer-token'] ?? env.KIOSK_VIEWER_TOKEN ?? null;
  if (viewerToken !== null) {
    if (viewerToken.length < 16) throw new Error('--viewer-token: use at least 16 characters');
    if (token === null) throw new Error('--viewer-token: needs a dispatcher --token as well');
    if (viewerToken === token) throw new Error('--viewer-token: must differ from --token');
  }
  const allowedHosts = values['allow-host']
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const badName = allowedHosts.find((name) => !/^[A-Za-z0-9.-]{1,253}$/.test(name));
  if (badName !== undefined) throw new Error(`--allow-host: "${badName}" is not a host name`);
  return {
    port,
    host: values.host,
    dataDir: values.data ?? defaultDataDir(env),
    token,
    viewerToken,
    allowedHosts,
    watchdog: !values['no-watchdog'],
  };
}
