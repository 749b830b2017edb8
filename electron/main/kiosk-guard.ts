import type { BrowserWindow } from 'electron';
import type { ExitRequest } from '../core/contract/ipc-contract.js';
import type { Result } from '../core/contract/result.js';
import type { Logger } from '../services/logger.js';
import type { ExitPinCheck } from './exit-pin.js';

export interface KioskGuardOptions {
  readonly pins: ExitPinCheck;
  readonly clock: () => number;
  readonly log: Logger;
  /** shows the PIN prompt in the console (pushes IPC_PUSH.exitRequested and raises the window) */
  readonly askForPin: (request: ExitRequest) => void;
  /** app.quit(): runs before-quit and will-quit, where the services are closed */
  readonly quit: () => void;
}

/**
 * A stray Alt+F4, a window close button, Cmd+Q or a quit from the menu must not close the
 * control room's board. Every close and quit is stopped here and turned into a PIN prompt in the
 * console; only `requestExit` with the operator PIN (or the system shutting down) lets it go.
 */
export class KioskGuard {
  private exitAllowed = false;

  constructor(private readonly options: KioskGuardOptions) {}

  get exiting(): boolean {
    return this.exitAllowed;
  }

  /** Stops the window's close unless the exit was allowed. */
  attach(window: BrowserWindow): void {
    window.on('close', (event) => {
      if (this.exitAllowed) return;
      event.preventDefault();
      this.options.log.warn('a window close was stopped: the operator PIN is needed');
      this.ask('close');
    });
    // Windows logs off or shuts down: let the app end rather than block the session.
    window.on('session-end', () => this.allowExit('the Windows session is ending'));
  }

  /** For app 'before-quit'. */
  onBeforeQuit(event: { preventDefault(): void }): void {
    if (this.exitAllowed) return;
    event.preventDefault();
    this.options.log.warn('a quit was stopped: the operator PIN is needed');
    this.ask('quit');
  }

  /** The view's answer to the prompt. On success the app quits. */
  requestExit(pin: string): Result<null> {
    const result = this.options.pins.check(pin, this.options.clock());
    if (!result.ok) {
      this.options.log.warn(`exit refused: ${result.error.message}`);
      return result;
    }
    this.allowExit('the operator entered the PIN');
    return result;
  }

  /** The system is shutting down, or an administrator stopped the process (SIGTERM/SIGINT). */
  allowExit(why: string): void {
    if (!this.exitAllowed) this.options.log.info(`exit allowed: ${why}`);
    this.exitAllowed = true;
    this.options.quit();
  }

  private ask(reason: ExitRequest['reason']): void {
    this.options.askForPin({ reason, lockedUntil: this.options.pins.lockedUntil(this.options.clock()) });
  }
}
