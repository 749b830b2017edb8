import type { BrowserWindow, Details, RenderProcessGoneDetails } from 'electron';
import type { Logger } from '../services/logger.js';
import { fallbackUrl, type BoardView } from './app-origin.js';
import { CrashCounter } from './crash-loop.js';

export interface RecoveryOptions {
  readonly view: BoardView;
  readonly clock: () => number;
  readonly log: Logger;
  readonly counter?: CrashCounter;
  /** told when a window switches to the fallback page (for a notification, say) */
  readonly onFallback?: (view: BoardView) => void;
}

/**
 * Never gone: a renderer that dies is reloaded (its state lives in main, so the page comes back
 * the same after one snapshot); one that hangs is killed and reloaded; three of either within a
 * minute show the plain fallback page instead.
 */
export function watchRenderer(window: BrowserWindow, options: RecoveryOptions): CrashCounter {
  const counter = options.counter ?? new CrashCounter();
  const contents = window.webContents;
  // Set while we kill a hung renderer ourselves, so its 'render-process-gone' is not counted twice.
  let killing = false;

  const recover = (why: string): void => {
    if (window.isDestroyed()) return;
    const answer = counter.record(options.clock());
    if (answer === 'fallback') {
      options.log.error(`${options.view} window: ${why}; crash loop, showing the fallback page`);
      options.onFallback?.(options.view);
      contents.loadURL(fallbackUrl(options.view)).catch((error: unknown) => options.log.error('fallback page failed to load', error));
    } else {
      options.log.warn(`${options.view} window: ${why}; reloading`);
      contents.reload();
    }
  };

  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    if (killing) {
      killing = false;
      return;
    }
    recover(`renderer gone (${details.reason}, exit code ${details.exitCode})`);
  });
  window.on('unresponsive', () => {
    if (window.isDestroyed()) return;
    killing = true;
    contents.forcefullyCrashRenderer();
    recover('renderer unresponsive');
  });
  window.on('responsive', () => options.log.info(`${options.view} window responsive again`));
  return counter;
}

/** GPU, utility and other helper processes: logged, Chromium restarts what it needs. */
export function describeChildGone(details: Details): string {
  return `child process gone: ${details.type}${details.name === undefined ? '' : ` (${details.name})`}, ${details.reason}, exit code ${details.exitCode}`;
}
