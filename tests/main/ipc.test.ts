import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

import { IPC_INVOKE, IPC_PUSH, type SubscriptionPush } from '../../electron/core/contract/ipc-contract.js';
import { fail, ok } from '../../electron/core/contract/result.js';
import { registerIpc } from '../../electron/main/ipc.js';
import { startKioskServices } from '../../electron/services/kiosk-services.js';
import { createLogger } from '../../electron/services/logger.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import * as fake from './fake-electron.js';

const tempDir = useTempDirs();

describe('IPC binding', () => {
  it('a status change reaches every open subscription, and stops with it', async () => {
    fake.resetFakeElectron();
    const log = createLogger(() => undefined);
    const services = await startKioskServices(await tempDir(), log);
    const listeners = new Set<() => void>();
    const binding = registerIpc(fake.ipcMain as never, {
      bus: services.bus,
      status: services.status,
      onStatusChange: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      requestExit: () => fail('forbidden', 'no'),
      getShellSettings: () => ({
        settings: { wallDisplay: 'auto', startAtLogin: false, externalSchemes: [], alarmIntakePort: 0 },
        displays: [],
        wallDisplayInUse: null,
      }),
      setShellSettings: async () => fail('forbidden', 'no'),
      openExternal: async () => ok(null),
      log,
    });
    const page = new fake.FakeWebContents();
    page.url = 'app://board/index.html?view=wall';
    await fake.ipcMain.invokeFrom(page, page.mainFrame, IPC_INVOKE.subscribe, { subscriptionId: 'wall', after: 0 });
    expect(listeners.size).toBe(1);
    for (const listener of listeners) listener();
    const kinds = (page.sentOn(IPC_PUSH.message) as SubscriptionPush[]).map((p) => p.message.kind);
    expect(kinds).toEqual(['status', 'status']);
    await fake.ipcMain.invokeFrom(page, page.mainFrame, IPC_INVOKE.unsubscribe, { subscriptionId: 'wall' });
    expect(listeners.size).toBe(0);
    binding.dispose();
    expect(fake.ipcMain.handlers.size).toBe(0);
    await services.close();
  });

  it('a handler that throws answers unavailable, and the message is only logged', async () => {
    fake.resetFakeElectron();
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    const services = await startKioskServices(
      await tempDir(),
      createLogger(() => undefined),
    );
    registerIpc(fake.ipcMain as never, {
      bus: services.bus,
      status: () => {
        throw new Error('disk on fire');
      },
      requestExit: () => fail('forbidden', 'no'),
      getShellSettings: () => {
        throw new Error('x');
      },
      setShellSettings: async () => fail('forbidden', 'no'),
      openExternal: async () => ok(null),
      log,
    });
    const page = new fake.FakeWebContents();
    page.url = 'app://board/index.html';
    expect(await fake.ipcMain.invokeFrom(page, page.mainFrame, IPC_INVOKE.getStatus)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'the kiosk could not answer; try again' },
    });
    expect(lines.some((l) => l.includes('IPC kiosk:get-status failed') && l.includes('disk on fire'))).toBe(true);
    await services.close();
  });
});
