import { spawn, type ChildProcess } from 'node:child_process';

export interface SpawnedHost {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a host-mode script (`serve.js --port 0 --data DIR`) and resolves once it prints its URL. */
export function spawnHost(script: string, dataDir: string, timeoutMs = 30_000): Promise<SpawnedHost> {
  const child = spawn(process.execPath, [script, '--no-watchdog', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not start within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /Serving (http:\/\/\S+)/.exec(stdout);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        child,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code ?? signal}) before serving:\n${stderr}`));
    });
  });
}

/** POSTs one command to the host's HTTP API; throws unless it is accepted. */
export async function postCommand(url: string, command: unknown): Promise<{ seq: number; incidentId: string }> {
  const response = await fetch(new URL('api/v1/commands', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(command),
  });
  const body = (await response.json()) as { ok: boolean; value?: { seq: number; incidentId: string }; error?: unknown };
  if (!body.ok || body.value === undefined) throw new Error(`command refused (${response.status}): ${JSON.stringify(body.error)}`);
  return body.value;
}
