import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERVE = join(ROOT, 'dist/electron/host/serve.js');
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

export interface RunningHost {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** SIGTERM, then wait for the process to end. */
  stop(): Promise<void>;
  /** Starts it again on the same port and journal (stopping it first if it still runs). */
  restart(): Promise<void>;
  /** Everything the host printed, over all its restarts: attached to a failed test. */
  output(): string;
}

/** Binds port 0 to let the system pick a free port, and releases it for the host. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the real host (`npm run build` first) and resolves once it prints its URL. */
export async function startHost(): Promise<RunningHost> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'));
  const log: string[] = [];
  let life = await launch(port, dataDir, log);
  return {
    url: life.url,
    port,
    dataDir,
    stop: () => life.stop(),
    restart: async () => {
      await life.stop();
      life = await launch(port, dataDir, log);
    },
    output: () => log.join(''),
  };
}

interface Life {
  readonly url: string;
  stop(): Promise<void>;
}

async function launch(port: number, dataDir: string, log: string[]): Promise<Life> {
  log.push(`--- host started on port ${port} at ${new Date().toISOString()} ---\n`);
  const child = spawn(process.execPath, [SERVE, '--no-watchdog', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      log.push(`--- host exited (code ${code}, signal ${signal}) at ${new Date().toISOString()} ---\n`);
      resolve();
    }),
  );
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    log.push(chunk);
  });

  const url = await new Promise<string>((resolve, reject) => {
    const expected = new RegExp(`http://127\\.0\\.0\\.1:${port}/`);
    const fail = (why: string) => {
      child.kill('SIGKILL');
      reject(new Error(`host ${why}\n${log.join('')}`));
    };
    const timer = setTimeout(() => fail(`did not print ${expected.source} within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    child.stdout.on('data', () => {
      const found = expected.exec(stdout);
      if (found === null) return;
      clearTimeout(timer);
      resolve(found[0]);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(`exited before it was ready (code ${code}, signal ${signal})`);
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(`could not be started: ${error.message}`);
    });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await waitForExit(child, exited);
  };
  return { url, stop };
}

async function waitForExit(child: ChildProcess, exited: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS)));
  const outcome = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`host did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM`);
  }
}
