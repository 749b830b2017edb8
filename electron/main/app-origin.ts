/**
 * Where the app's own pages live: a custom standard scheme instead of file:// or a loopback port.
 * Pure: no electron here, so every rule that depends on a URL can be tested in plain Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'board';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export type BoardView = 'console' | 'wall';

/** The renderer's page for a view; the wall display is the same board with `?view=wall`. */
export const boardUrl = (view: BoardView): string => `${APP_ORIGIN}/index.html?view=${view}`;

/** The plain page shown after a crash loop (generated in main, no script). */
export const FALLBACK_PATH = '/fallback.html';
export const fallbackUrl = (view: BoardView): string => `${APP_ORIGIN}${FALLBACK_PATH}?view=${view}`;

/** The view a board or fallback URL names; anything else is the console. */
export function viewOf(url: string): BoardView {
  try {
    return new URL(url).searchParams.get('view') === 'wall' ? 'wall' : 'console';
  } catch {
    return 'console';
  }
}

/**
 * True when `url` is on the app's own origin. Node's URL gives non-special schemes an opaque
 * origin ("null"), so scheme and host are compared instead of `origin`.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
