import { isAppUrl } from './app-origin.js';

/** What main knows about the frame an IPC message came from (a subset of Electron's WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export type SenderVerdict = { readonly ok: true } | { readonly ok: false; readonly why: string };

/**
 * Only the app's own pages, in a top-level frame, may talk to main. A frame that is gone (null),
 * an iframe, or a page from any other origin (about:blank, data:, file:, http:) is refused.
 */
export function checkSender(frame: SenderFrame | null | undefined): SenderVerdict {
  if (frame === null || frame === undefined) return { ok: false, why: 'the sending frame is gone' };
  if (frame.parent !== null) return { ok: false, why: 'only a top-level frame may call' };
  if (!isAppUrl(frame.url)) return { ok: false, why: `foreign origin: ${describeUrl(frame.url)}` };
  return { ok: true };
}

/** Scheme and host only: never log a whole URL that a page chose. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`.slice(0, 100);
  } catch {
    return 'unparseable URL';
  }
}
