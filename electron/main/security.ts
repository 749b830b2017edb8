import type { Session, WebContents } from 'electron';
import { FORBIDDEN_EXTERNAL_SCHEMES } from '../core/organisation/shell-settings.js';
import type { Logger } from '../services/logger.js';
import { isAppUrl } from './app-origin.js';

/**
 * Electron's security checklist, the parts that are rules rather than window options:
 * navigation limited to the app's origin, no new windows, no <webview>, permissions denied,
 * no remote requests, and shell.openExternal only for tel: and configured safe schemes.
 */

/** A page may only navigate within the app (the fallback page's "try again" link, for one). */
export const navigationAllowed = (url: string): boolean => isAppUrl(url);

export interface ExternalPolicy {
  /** the site setting `dialOut`: tel: links open the installed dialler */
  readonly tel: boolean;
  /** extra schemes from the shell settings (e.g. "sip") */
  readonly schemes: readonly string[];
}

/** tel: with a plain number; other configured schemes with any opaque part; never web or file schemes. */
export function externalUrlAllowed(url: string, policy: ExternalPolicy): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.slice(0, -1).toLowerCase();
  if ((FORBIDDEN_EXTERNAL_SCHEMES as readonly string[]).includes(scheme) || scheme.startsWith('ms-')) return false;
  if (scheme === 'tel') return policy.tel && /^tel:\+?[0-9*#()\- ]{2,32}$/.test(decodeSafely(url));
  return policy.schemes.includes(scheme) && url.length <= 2048 && !/[\s"<>\\^`{|}]/.test(url);
}

function decodeSafely(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return '';
  }
}

/** Every permission (camera, notifications, fullscreen API, HID, …) is refused, and logged. */
export function hardenSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`permission request refused: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // No remote content at all: the pages come from app://, data goes over IPC.
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'] },
    (details, callback) => {
      log.warn(`request refused: ${describe(details.url)}`);
      callback({ cancel: true });
    },
  );
}

export interface ContentsPolicy {
  readonly log: Logger;
  /** opens an allowed external URL (tel: …); refused ones are only logged */
  readonly openExternal: (url: string) => void;
}

/** Applied to every WebContents as it is created ('web-contents-created'). */
export function hardenContents(contents: WebContents, policy: ContentsPolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    // A tel: link with target=_blank ends here: hand it to the policy, never open a window.
    policy.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (navigationAllowed(url)) return;
    event.preventDefault();
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^(https?|file|data|javascript|blob|about):/i.test(url)) policy.openExternal(url);
    else policy.log.warn(`navigation refused: ${describe(url)}`);
  });
  contents.on('will-redirect', (event, url) => {
    if (navigationAllowed(url)) return;
    event.preventDefault();
    policy.log.warn(`redirect refused: ${describe(url)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    policy.log.warn('a <webview> was refused');
  });
}

function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`.slice(0, 100);
  } catch {
    return 'unparseable URL';
  }
}
