import { join } from 'node:path';
import type { HostStatus, HostWarning } from '../core/contract.js';
import { publicSettings } from '../core/settings.js';
import { CommandBus } from './command-bus.js';
import { Journal } from './journal.js';
import { hashPin, pinMatches } from './pin.js';
import { Scheduler } from './scheduler.js';
import type { Logger } from './logger.js';
import { currentSettings, openSettings } from './settings-store.js';

export interface KioskServices {
  readonly bus: CommandBus;
  status(): HostStatus;
  close(): Promise<void>;
}

/**
 * Opens settings, the journal and the command bus in the data directory: the services that
 * host mode and the Electron shell share. Throws JournalDamageError when start-up must stop.
 */
export async function startKioskServices(dataDir: string, log: Logger, clock: () => number = Date.now): Promise<KioskServices> {
  const settings = await openSettings(dataDir, clock);
  const opened = await Journal.open(join(dataDir, 'journal'), clock);
  const warnings: HostWarning[] = [...settings.warnings, ...opened.warnings];
  for (const warning of warnings) log.warn(`${warning.message} [file ${warning.file}${warning.copy ? `, copy ${warning.copy}` : ''}]`);
  const bus = new CommandBus(opened.journal, opened.state, {
    clock,
    defaultActor: () => currentSettings(settings.store).operatorName,
    onError: (message, error) => log.error(message, error),
    pins: {
      matches: (pin) => {
        const stored = settings.store.get('pinHash');
        // Until a PIN is set, plan changes are open; the settings screen asks for one.
        return stored === '' || (pin !== undefined && pinMatches(stored, pin));
      },
      change: (newPin) => {
        const old = settings.store.get('pinHash');
        settings.store.set('pinHash', hashPin(newPin));
        return () => settings.store.set('pinHash', old);
      },
    },
  });
  log.info(`journal ${opened.journal.eventsPath} ready at seq ${opened.state.seq}`);
  const scheduler = new Scheduler({ bus, log, wallClock: clock });
  await scheduler.start();
  return {
    bus,
    status: () => ({ warnings, settings: publicSettings(currentSettings(settings.store)), now: clock() }),
    close: async () => {
      scheduler.stop();
      await bus.flush();
      await opened.journal.close();
    },
  };
}
