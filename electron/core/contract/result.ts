/** The one result shape used by the core, the bus, HTTP and IPC alike. */
export type ErrorCode =
  | 'invalid'
  | 'unknown_command'
  | 'not_found'
  | 'conflict'
  | 'bad_json'
  | 'too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'storage'
  | 'unavailable';

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  /** for rate_limited: the instant (epoch ms) at which trying again may succeed */
  readonly retryAt?: number;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, field?: string): { ok: false; error: AppError } => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});
