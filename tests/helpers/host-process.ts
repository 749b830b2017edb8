import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SERVE_SCRIPT = fileURLToPath(new URL('../../dist/electron/host/serve.js', import.meta.url));

export interface HostProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  /** resolves with the exit code once the process has gone */
  readonly exited: Promise<number | null>;
}

/**
 * Runs the built host (`npm run build` first) as a real child process; resolves when it serves.
 * Without the watchdog unless `supervised`: kill tests kill the process that writes the journal.
 */
export function spawnHost(args: string[], timeoutMs = 15_000, supervised = false): Promise<HostProcess> {
  const child = spawn(process.execPath, [SERVE_SCRIPT, ...(supervised ? [] : ['--no-watchdog']), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time:\n${stderr}`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Serving (http:\/\/\S+)/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: match[1], child, stderr: () => stderr, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before serving:\n${stderr}`));
    });
  });
}

/** Runs the host expecting it to refuse to start; returns its exit code and stderr. */
export async function runHostToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SERVE_SCRIPT, '--no-watchdog', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}
