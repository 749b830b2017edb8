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
  /** SIGKILL, as in a crash or a power cut, then wait for the process to end. */
  kill(): Promise<void>;
}

/** Binds port 0 to let the system pick a free port, and releases it for the host. */
export function freePort(): Promise<number> {
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

export const tempDataDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'kiosk-e2e-'));

/**
 * Starts the real host (`npm run build` first) and resolves once it prints its URL. Pass the same
 * port and dataDir again to restart it on the same journal.
 */
export async function startHost(options: { port?: number; dataDir?: string } = {}): Promise<RunningHost> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? (await tempDataDir());
  const child = spawn(process.execPath, [SERVE, '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const expected = new RegExp(`http://127\\.0\\.0\\.1:${port}/`);
    const fail = (why: string) => {
      child.kill('SIGKILL');
      reject(new Error(`host ${why}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`did not print ${expected.source} within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = expected.exec(stdout);
      if (found !== null) {
        clearTimeout(timer);
        resolve(found[0]);
      }
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

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await waitForExit(child, exited, signal);
  };
  return { url, port, dataDir, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

async function waitForExit(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS)));
  const outcome = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`host did not exit within ${STOP_TIMEOUT_MS} ms of ${signal}`);
  }
}
