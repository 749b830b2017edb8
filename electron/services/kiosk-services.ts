import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostStatus, HostWarning } from '../core/contract/contract.js';
import { publicSettings } from '../core/organisation/settings.js';
import { CommandBus } from './command-bus.js';
import { Journal, type JournalFileLayer, type StorageFault } from './journal.js';
import { hashPin, pinMatches } from './pin.js';
import { Scheduler } from './scheduler.js';
import { StallDetector } from './watchdog/stall-detector.js';
import { recordStart } from './watchdog/watchdog-log.js';
import type { Logger } from './logger.js';
import { currentSettings, openSettings } from './settings-store.js';

export interface KioskServices {
  readonly bus: CommandBus;
  readonly status: () => HostStatus;
  /** Called whenever status() would answer differently (a storage fault appears or clears). */
  readonly onStatusChange: (listener: () => void) => () => void;
  readonly close: () => Promise<void>;
}

export interface KioskServicesOptions {
  /** the journal's file layer; tests inject disk errors here, nothing else does */
  readonly journalFiles?: JournalFileLayer;
  /** a thread that kills (and, in Electron, relaunches) a host whose event loop stalled for 5 s */
  readonly watchdog?: boolean;
  readonly relaunchOnStall?: boolean;
}

/**
 * Opens settings, the journal and the command bus in the data directory: the services that
 * host mode and the Electron shell share. Throws JournalDamageError when start-up must stop.
 */
export async function startKioskServices(
  dataDir: string,
  log: Logger,
  clock: () => number = Date.now,
  options: KioskServicesOptions = {},
): Promise<KioskServices> {
  const settings = await openSettings(dataDir, clock);
  const journalDir = join(dataDir, 'journal');
  await mkdir(journalDir, { recursive: true });
  const detector =
    options.watchdog === true
      ? new StallDetector({
          dataDir,
          journalDir,
          relaunch: options.relaunchOnStall ?? false,
          onError: (error) => log.error('the stall watchdog thread failed; running without it', error),
        })
      : null;
  const gap = options.watchdog === true ? await recordStart(dataDir, clock()) : null;
  const opened = await Journal.open(journalDir, clock, {
    files: options.journalFiles,
    ...(detector === null ? {} : { onReplay: (offset: number) => detector.replaying(offset) }),
  });
  detector?.replayDone();
  const warnings: HostWarning[] = [...settings.warnings, ...opened.warnings, ...(gap === null ? [] : [gap])];
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
    applySettings: (patch) => {
      const current = currentSettings(settings.store);
      const old = Object.fromEntries(Object.keys(patch).map((key) => [key, current[key as keyof typeof current]]));
      settings.store.set(patch);
      return () => settings.store.set(old);
    },
  });
  log.info(`journal ${opened.journal.eventsPath} ready at seq ${opened.state.seq}`);
  const statusListeners = new Set<() => void>();
  const statusChanged = () => {
    for (const listener of statusListeners) listener();
  };
  opened.journal.onFaultChange((fault) => {
    if (fault === null) log.info('journal writes succeed again');
    else log.error(`journal writes are failing (${fault.code}); commands are answered "not saved"`);
    statusChanged();
  });
  // Views learn of new settings (and whether a PIN is set) once the change is on record.
  bus.subscribe(bus.state.seq, (message) => {
    if (message.kind === 'events' && message.events.some((e) => e.type === 'settingsChanged' || e.type === 'pinChanged')) statusChanged();
  });
  const storageWarnings = (): HostWarning[] => {
    const fault = opened.journal.fault;
    return fault === null ? [] : [storageFaultWarning(opened.journal.eventsPath, fault)];
  };
  const scheduler = new Scheduler({ bus, log, wallClock: clock });
  await scheduler.start();
  return {
    bus,
    status: () => ({
      warnings: [...warnings, ...storageWarnings()],
      settings: publicSettings(currentSettings(settings.store)),
      now: clock(),
    }),
    onStatusChange: (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close: async () => {
      scheduler.stop();
      await bus.flush();
      await opened.journal.close();
      await detector?.stop();
    },
  };
}

function storageFaultWarning(file: string, fault: StorageFault): HostWarning {
  return {
    kind: 'storageFault',
    file,
    message: `the journal cannot be written (${fault.code}) since ${new Date(fault.since).toISOString()}: commands are not saved; free disk space or check the disk, then send them again`,
  };
}
