import { fileURLToPath } from 'node:url';
import { startHostServer } from '../services/host-server.js';
import { JournalDamageError } from '../services/journal.js';
import { startKioskServices } from '../services/kiosk-services.js';
import { createLogger } from '../services/logger.js';
import { parseHostOptions, USAGE, type HostOptions } from './cli-options.js';
import { reportToSupervisor, supervise, SUPERVISED_ENV } from './supervisor.js';

/**
 * Composition root of host mode: the kiosk's services in plain Node, served over HTTP/WebSocket,
 * run as the child of a watchdog process unless --no-watchdog.
 */
async function main(): Promise<number> {
  const log = createLogger();
  let options;
  try {
    options = parseHostOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 64;
  }
  if (options.watchdog && process.env[SUPERVISED_ENV] !== '1') {
    return supervise({ script: fileURLToPath(import.meta.url), args: process.argv.slice(2), dataDir: options.dataDir, log });
  }
  return serve(options, log);
}

async function serve(options: HostOptions, log: ReturnType<typeof createLogger>): Promise<number> {
  let services;
  try {
    services = await startKioskServices(options.dataDir, log, Date.now, { watchdog: options.watchdog });
  } catch (error) {
    if (error instanceof JournalDamageError) {
      log.error(`${error.message}. Start-up stopped so that nothing is lost; keep the file and ask for help.`);
      return 2;
    }
    throw error;
  }
  const staticDir = fileURLToPath(new URL('../../renderer', import.meta.url));
  const server = await startHostServer({
    ...options,
    staticDir,
    bus: services.bus,
    status: services.status,
    onStatusChange: services.onStatusChange,
    log,
  });
  process.stdout.write(`Serving ${server.url}\n`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    reportToSupervisor(Number(new URL(server.url).port), resolve);
  });
  log.info('shutting down');
  await server.close();
  await services.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
