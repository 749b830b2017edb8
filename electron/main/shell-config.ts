import { fail, ok, type Result } from '../core/contract/result.js';
import { DEFAULT_SHELL_SETTINGS, readShellSettings, type ShellSettings } from '../core/organisation/shell-settings.js';
import type { Logger } from '../services/logger.js';

/** A JSON settings file: electron-store in the app, its engine conf in tests. */
export interface StoreFile {
  store: unknown;
}

/**
 * The shell settings (kiosk-shell.json): read through the core schema each time (the file is
 * the truth, an administrator may edit it), changed only as a whole valid object.
 */
export class ShellConfig {
  private lastProblem: string | null = null;

  constructor(
    private readonly file: StoreFile,
    private readonly log: Logger,
  ) {}

  get(): ShellSettings {
    let raw: unknown;
    try {
      raw = this.file.store;
    } catch (error) {
      this.report(`unreadable: ${(error as Error).message}`);
      return DEFAULT_SHELL_SETTINGS;
    }
    const { settings, problem } = readShellSettings(raw);
    if (problem !== null) this.report(problem);
    return settings;
  }

  update(change: Partial<ShellSettings>): Result<ShellSettings> {
    const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    const { settings, problem } = readShellSettings({ ...this.get(), ...defined });
    if (problem !== null) return fail('invalid', problem);
    this.file.store = settings;
    this.lastProblem = null;
    return ok(settings);
  }

  private report(problem: string): void {
    if (problem === this.lastProblem) return;
    this.lastProblem = problem;
    this.log.warn(`shell settings (kiosk-shell.json) not usable, defaults in force: ${problem}`);
  }
}
