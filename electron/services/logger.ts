/** Plain line logging to stderr, so stdout stays free for the "ready" line scripts wait for. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const line = (level: string, message: string) => write(`${new Date().toISOString()} ${level} ${message}`);
  return {
    info: (message) => line('INFO', message),
    warn: (message) => line('WARN', message),
    error: (message, error) => line('ERROR', error === undefined ? message : `${message}: ${describe(error)}`),
  };
}

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));
