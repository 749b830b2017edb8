import { fork } from 'node:child_process';

/** One line of the results table: a figure beside its floor, measured in the same run. */
export interface Row {
  readonly bench: string;
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  /** the same work with the product's logic removed, measured in the same run; null if none */
  readonly floor: number | null;
  /** value / floor */
  readonly ratio: number | null;
  /** the target in words, e.g. "≤ 2 × floor p99 + 5 ms"; null for figures that only inform */
  readonly target: string | null;
  readonly pass: boolean | null;
}

export interface BenchResult {
  readonly name: string;
  readonly rows: Row[];
  /** everything else worth keeping: full distributions, counts, parameters */
  readonly details: Record<string, unknown>;
  readonly seconds: number;
}

export const ratio = (value: number, floor: number): number => (floor > 0 ? value / floor : Number.NaN);

/** Runs a compiled benchmark module in a fresh Node process and returns what it sends back. */
export function forkJson<T>(modulePath: string, args: string[] = [], execArgv: string[] = ['--expose-gc']): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(modulePath, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer: { ok: true; value: T } | { ok: false; error: string } | null = null;
    child.on('message', (message) => {
      answer = message as typeof answer;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (answer === null) reject(new Error(`${modulePath} ${args.join(' ')} exited (${code ?? signal}) without an answer`));
      else if (answer.ok) resolve(answer.value);
      else reject(new Error(answer.error));
    });
  });
}

/** The child's side of forkJson: run, send the value (or the error) to the parent, exit. */
export function answerParent<T>(work: () => Promise<T>): void {
  work().then(
    (value) => {
      process.send?.({ ok: true, value }, () => process.exit(0));
      if (process.send === undefined) {
        process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
        process.exit(0);
      }
    },
    (error: unknown) => {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.send?.({ ok: false, error: text }, () => process.exit(1));
      if (process.send === undefined) {
        process.stderr.write(`${text}\n`);
        process.exit(1);
      }
    },
  );
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run node with --expose-gc');
  collect();
  collect();
}
