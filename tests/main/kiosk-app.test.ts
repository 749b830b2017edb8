/**
 * The wiring of the desktop app (electron/main/kiosk-app.ts) with the `electron` module replaced by
 * the test double in fake-electron.ts, and everything else real: the services on a temp data
 * folder (journal, settings, command bus, scheduler), the settings files through conf (the engine
 * of electron-store), the alarm intake on a loopback port, the protocol handler on a temp folder.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

import { IPC_INVOKE, IPC_PUSH } from '../../electron/core/contract/ipc-contract.js';
import { fallbackUrl } from '../../electron/main/app-origin.js';
import { runKioskApp } from '../../electron/main/kiosk-app.js';
import { BOARD_CSP } from '../../electron/main/protocol.js';
import { raise } from '../helpers/commands.js';
import * as fake from './fake-electron.js';
import { call, consoleWindow, depsFor, PRELOAD, pushes, running, start, stop, tempDir, useKioskApp, windowOf } from './kiosk-fixture.js';

useKioskApp();

describe('single instance', () => {
  it('a second launch starts nothing and quits at once', async () => {
    const dir = await tempDir();
    const { deps } = await depsFor(dir, []);
    const startServices = vi.fn(deps.startServices);
    fake.app.lockGranted = false;
    await expect(runKioskApp({ ...deps, startServices })).resolves.toBeNull();
    expect(fake.app.quitCalls).toBe(1);
    expect(startServices).not.toHaveBeenCalled();
    expect(fake.FakeBrowserWindow.all).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('the running instance brings its console to the front when a second one is launched', async () => {
    await start();
    const console = consoleWindow();
    console.minimize();
    const focusedBefore = console.focused;
    fake.app.emit('second-instance', new fake.FakeEvent(), ['control-room-kiosk'], '/');
    expect(console.isMinimized()).toBe(false);
    expect(console.visible).toBe(true);
    expect(console.focused).toBe(focusedBefore + 1);
    expect(console.movedTop).toBeGreaterThan(0);
  });
});

describe('windows', () => {
  const SECURE = {
    preload: PRELOAD,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    backgroundThrottling: false,
    autoplayPolicy: 'no-user-gesture-required',
  };

  it('every window carries every security setting, in kiosk mode, without menu or devtools', async () => {
    fake.screen.displays = [fake.display(1, 0), fake.display(2, 1920)];
    await start();
    const windows = fake.FakeBrowserWindow.live();
    expect(windows).toHaveLength(2);
    for (const window of windows) {
      expect(window.options.webPreferences).toMatchObject({ ...SECURE, devTools: false });
      expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
      expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
      expect(window.options.webPreferences).not.toHaveProperty('additionalArguments');
    }
    expect(fake.Menu.applicationMenu).toBeNull();
  });

  it('devtools are possible only in an unpackaged (development) run', async () => {
    fake.app.isPackaged = false;
    await start();
    expect(consoleWindow().options.webPreferences).toMatchObject({ ...SECURE, devTools: true });
  });

  it('the pages come from app://, the wall with ?view=wall on the second screen', async () => {
    fake.screen.displays = [fake.display(1, 0), fake.display(2, 1920)];
    await start();
    expect(consoleWindow().webContents.loads).toEqual(['app://board/index.html?view=console']);
    const wall = windowOf('wall');
    expect(wall?.webContents.loads).toEqual(['app://board/index.html?view=wall']);
    expect(consoleWindow().bounds.x).toBe(0);
    expect(wall?.bounds.x).toBe(1920);
  });

  it('one screen, one window', async () => {
    await start();
    expect(fake.FakeBrowserWindow.live()).toHaveLength(1);
    expect(consoleWindow().webContents.loads).toEqual(['app://board/index.html?view=console']);
  });

  it('a screen plugged in at run time gets the wall; unplugged, the wall goes without a PIN', async () => {
    await start();
    fake.screen.attach(fake.display(2, 1920));
    expect(windowOf('wall')?.bounds.x).toBe(1920);
    const wall = windowOf('wall');
    fake.screen.detach(2);
    expect(wall?.destroyed).toBe(true);
    expect(fake.FakeBrowserWindow.live()).toEqual([consoleWindow()]);
    expect(fake.app.quitCalls).toBe(0);
  });

  it('the console follows when its screen is the one unplugged', async () => {
    fake.screen.displays = [fake.display(1, 0), fake.display(2, 1920)];
    fake.screen.primaryId = 2;
    await start();
    expect(consoleWindow().bounds.x).toBe(1920);
    fake.screen.primaryId = 1;
    fake.screen.detach(2);
    expect(consoleWindow().bounds.x).toBe(0);
    expect(consoleWindow().kiosk).toBe(true);
    expect(fake.FakeBrowserWindow.all).toHaveLength(2); // moved, not reopened
  });

  it('the shell setting picks the wall screen, and changing it (with the PIN) moves the wall', async () => {
    fake.screen.displays = [fake.display(1, 0), fake.display(2, 1920), fake.display(3, 3840)];
    await start({ shell: { wallDisplay: 3 } });
    expect(windowOf('wall')?.bounds.x).toBe(3840);
    const changed = await call(IPC_INVOKE.setShellSettings, { pin: '', wallDisplay: 2 });
    expect(changed).toMatchObject({ ok: true, value: { settings: { wallDisplay: 2 }, wallDisplayInUse: 2 } });
    expect(windowOf('wall')?.bounds.x).toBe(1920);
    expect(await call(IPC_INVOKE.setShellSettings, { pin: '', wallDisplay: 'off' })).toMatchObject({
      ok: true,
      value: { wallDisplayInUse: null },
    });
    expect(fake.FakeBrowserWindow.live()).toHaveLength(1);
  });
});

describe('IPC', () => {
  it('exactly the contract channels have handlers, and nothing listens besides', async () => {
    await start();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(Object.values(IPC_INVOKE).sort());
    expect(fake.ipcMain.eventNames()).toEqual([]);
  });

  it('a message from a foreign frame is refused on every channel, and nothing happens', async () => {
    const { kiosk } = await start();
    const contents = consoleWindow().webContents;
    const seq = kiosk.services.bus.state.seq;
    const frames = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/x.html', parent: null },
      { url: 'about:blank', parent: null },
      { url: 'app://board/index.html', parent: { url: 'app://board/index.html', parent: null } },
      null,
    ];
    for (const channel of Object.values(IPC_INVOKE)) {
      for (const frame of frames) {
        const answer = await fake.ipcMain.invokeFrom(contents, frame, channel, channel === IPC_INVOKE.sendCommand ? raise() : undefined);
        expect(answer, `${channel} from ${frame?.url ?? 'null'}`).toEqual({
          ok: false,
          error: { code: 'forbidden', message: 'this frame may not use the kiosk API' },
        });
      }
    }
    expect(kiosk.services.bus.state.seq).toBe(seq);
    expect(contents.sent).toEqual([]);
    expect(kiosk.ipc.subscriptionCount()).toBe(0);
    expect(fake.app.quitCalls).toBe(0);
  });

  it('a bad payload is refused with the field named, and nothing happens', async () => {
    const { kiosk } = await start();
    const seq = kiosk.services.bus.state.seq;
    const cases: [string, unknown[], string, string][] = [
      [IPC_INVOKE.subscribe, [{ subscriptionId: 'a', after: -1 }], 'invalid', 'after'],
      [IPC_INVOKE.subscribe, [{ subscriptionId: 'a', after: 0, extra: 1 }], 'invalid', 'extra'],
      [IPC_INVOKE.subscribe, [{ subscriptionId: '../x', after: 0 }], 'invalid', 'subscriptionId'],
      [IPC_INVOKE.sendCommand, [{ ...raise(), level: 'V' }], 'invalid', 'level'],
      [IPC_INVOKE.sendCommand, [{ type: 'tick', actor: 'system', clockJumpMs: 0 }], 'unknown_command', 'type'],
      [IPC_INVOKE.sendCommand, ['raiseIncident'], 'invalid', 'type'],
      [IPC_INVOKE.getStatus, ['please'], 'invalid', ''],
      [IPC_INVOKE.getStatus, [undefined, 'two'], 'invalid', ''],
      [IPC_INVOKE.requestExit, [{ pin: 2468 }], 'invalid', 'pin'],
      [IPC_INVOKE.requestExit, [{ pin: '1'.repeat(65) }], 'invalid', 'pin'],
      [IPC_INVOKE.setShellSettings, [{ pin: '', wallDisplay: 'left' }], 'invalid', 'wallDisplay'],
      [IPC_INVOKE.setShellSettings, [{ pin: '', externalSchemes: ['https'] }], 'invalid', 'externalSchemes.0'],
      [IPC_INVOKE.openExternal, [{ url: '' }], 'invalid', 'url'],
    ];
    for (const [channel, args, code, field] of cases) {
      const answer = await call(channel, ...args);
      expect(answer.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      expect(answer.error?.code, `${channel} ${JSON.stringify(args)}`).toBe(code);
      if (field !== '') expect(answer.error?.field, `${channel} ${JSON.stringify(args)}`).toBe(field);
    }
    expect(kiosk.services.bus.state.seq).toBe(seq);
    expect(kiosk.ipc.subscriptionCount()).toBe(0);
    expect(fake.app.quitCalls).toBe(0);
  });

  it('commands go through the bus; a subscription gets the status, the catch-up and every new batch', async () => {
    const { kiosk } = await start();
    const console = consoleWindow();
    const first = await call(IPC_INVOKE.sendCommand, raise({ title: 'Smoke in B3' }));
    expect(first).toMatchObject({ ok: true, value: { seq: 1 } });

    expect(await call(IPC_INVOKE.subscribe, { subscriptionId: 's-1', after: 0 })).toEqual({ ok: true, value: null });
    const [status, catchUp] = pushes(console);
    expect(status).toMatchObject({ subscriptionId: 's-1', message: { kind: 'status' } });
    expect(status?.message.kind === 'status' && 'pinHash' in status.message.status.settings).toBe(false);
    expect(catchUp).toMatchObject({ subscriptionId: 's-1', message: { kind: 'events', seq: 1 } });

    await call(IPC_INVOKE.sendCommand, raise({ title: 'Power cut in hall 2' }));
    expect(pushes(console).at(-1)).toMatchObject({ subscriptionId: 's-1', message: { kind: 'events', seq: 2 } });

    expect(await call(IPC_INVOKE.getStatus)).toMatchObject({ ok: true, value: { warnings: [] } });
    expect(await call(IPC_INVOKE.subscribe, { subscriptionId: 's-1', after: 0 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(IPC_INVOKE.unsubscribe, { subscriptionId: 's-1' })).toEqual({ ok: true, value: null });
    const count = pushes(console).length;
    await call(IPC_INVOKE.sendCommand, raise());
    expect(pushes(console)).toHaveLength(count);
    expect(kiosk.ipc.subscriptionCount()).toBe(0);
  });

  it("a page's subscriptions end when it reloads, navigates, crashes or closes", async () => {
    const { kiosk } = await start();
    const contents = consoleWindow().webContents;
    await call(IPC_INVOKE.subscribe, { subscriptionId: 'a', after: 0 });
    expect(kiosk.ipc.subscriptionCount()).toBe(1);
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    expect(kiosk.ipc.subscriptionCount()).toBe(1);
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(kiosk.ipc.subscriptionCount()).toBe(0);
    await call(IPC_INVOKE.subscribe, { subscriptionId: 'b', after: 0 });
    contents.emit('render-process-gone', new fake.FakeEvent(), { reason: 'crashed', exitCode: 1 });
    expect(kiosk.ipc.subscriptionCount()).toBe(0);
  });

  it('a page may hold only a few subscriptions', async () => {
    await start();
    for (let i = 0; i < 4; i += 1) expect((await call(IPC_INVOKE.subscribe, { subscriptionId: `s${i}`, after: 0 })).ok).toBe(true);
    expect(await call(IPC_INVOKE.subscribe, { subscriptionId: 's4', after: 0 })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
  });
});

describe('never gone', () => {
  it('a renderer that dies is reloaded', async () => {
    await start();
    const contents = consoleWindow().webContents;
    contents.emit('render-process-gone', new fake.FakeEvent(), { reason: 'crashed', exitCode: 139 });
    expect(contents.reloads).toBe(1);
    expect(contents.loads).toHaveLength(1);
  });

  it('a hung renderer is killed and reloaded, counted once', async () => {
    await start();
    const console = consoleWindow();
    console.emit('unresponsive');
    expect(console.webContents.crashes).toBe(1);
    expect(console.webContents.reloads).toBe(1);
    console.webContents.emit('render-process-gone', new fake.FakeEvent(), { reason: 'crashed', exitCode: 1 });
    expect(console.webContents.reloads).toBe(2);
    expect(console.webContents.loads).toHaveLength(1); // two crashes so far, no loop yet
  });

  it('three crashes within a minute show the fallback page with the active alarms and emergency numbers', async () => {
    await start();
    await call(IPC_INVOKE.sendCommand, raise({ title: 'Gas smell in kitchen', level: 'I' }));
    const contents = consoleWindow().webContents;
    for (let i = 0; i < 3; i += 1) contents.emit('render-process-gone', new fake.FakeEvent(), { reason: 'oom', exitCode: 1 });
    expect(contents.reloads).toBe(2);
    expect(contents.loads.at(-1)).toBe(fallbackUrl('console'));

    const page = await fake.protocol.fetch(fallbackUrl('console'));
    const html = await page.text();
    expect(html).toContain('Gas smell in kitchen');
    for (const number of ['119', '110', '120', '122']) expect(html).toContain(number);
    expect(html).not.toMatch(/<script/i);
    expect(running?.logs.some((l) => l.startsWith('ERROR console window') && l.includes('crash loop'))).toBe(true);

    // The fallback page follows the board: a new event reloads it.
    const before = contents.reloads;
    await call(IPC_INVOKE.sendCommand, raise({ title: 'Second alarm' }));
    expect(contents.reloads).toBe(before + 1);
  });

  it('other child processes that die are logged', async () => {
    const { logs } = await start();
    fake.app.emit('child-process-gone', new fake.FakeEvent(), { type: 'GPU', reason: 'crashed', exitCode: 133 });
    expect(logs).toContain('WARN child process gone: GPU, crashed, exit code 133');
  });

  it('if every window is destroyed without an exit, the console comes back', async () => {
    await start();
    consoleWindow().destroy();
    expect(fake.FakeBrowserWindow.live()).toHaveLength(1);
    expect(fake.app.quitCalls).toBe(0);
  });
});

describe('kiosk guard', () => {
  it('a stray close (Alt+F4) is stopped and the console asks for the PIN', async () => {
    await start();
    const console = consoleWindow();
    console.close();
    expect(console.destroyed).toBe(false);
    expect(console.webContents.sentOn(IPC_PUSH.exitRequested)).toEqual([{ reason: 'close', lockedUntil: null }]);
  });

  it('quit without the PIN is prevented', async () => {
    await start();
    fake.app.quit();
    expect(fake.app.quitted).toBe(false);
    expect(fake.FakeBrowserWindow.live()).toHaveLength(1);
    expect(consoleWindow().webContents.sentOn(IPC_PUSH.exitRequested)).toEqual([{ reason: 'quit', lockedUntil: null }]);
  });

  it('the operator PIN opens the exit; a wrong one does not; the services close in order', async () => {
    const { kiosk, logs } = await start();
    // The PIN is set through the audited command, as the settings screen does.
    expect(await call(IPC_INVOKE.sendCommand, { type: 'changePin', newPin: '2468' })).toMatchObject({ ok: true });
    expect(await call(IPC_INVOKE.requestExit, { pin: '1111' })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'pin' } });
    expect(fake.app.quitted).toBe(false);
    expect(kiosk.guard.exiting).toBe(false);

    expect(await call(IPC_INVOKE.requestExit, { pin: '2468' })).toEqual({ ok: true, value: null });
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(fake.FakeBrowserWindow.live()).toHaveLength(0);
    expect(fake.powerSaveBlocker.started.size).toBe(0);
    expect(logs.at(-1)).toBe('INFO bye');
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('five wrong PINs lock the exit and the prompt says until when', async () => {
    await start();
    await call(IPC_INVOKE.sendCommand, { type: 'changePin', newPin: '2468' });
    for (let i = 0; i < 5; i += 1) await call(IPC_INVOKE.requestExit, { pin: '0000' });
    expect(await call(IPC_INVOKE.requestExit, { pin: '2468' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    consoleWindow().close();
    const [request] = consoleWindow().webContents.sentOn(IPC_PUSH.exitRequested) as { lockedUntil: number | null }[];
    expect(request?.lockedUntil).toBeGreaterThan(Date.now());
  });

  it('SIGTERM from an administrator or the service manager lets the app end', async () => {
    const { signals } = await start();
    signals.emit('SIGTERM');
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  });

  it('the system shutting down lets the app end', async () => {
    await start();
    fake.powerMonitor.emit('shutdown', new fake.FakeEvent());
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  });
});

describe('security wiring', () => {
  it('permissions are denied, remote requests cancelled', async () => {
    await start();
    const session = fake.session.defaultSession;
    const granted: boolean[] = [];
    session.permissionRequestHandler?.(consoleWindow().webContents, 'media', (g) => granted.push(g), {});
    session.permissionRequestHandler?.(consoleWindow().webContents, 'notifications', (g) => granted.push(g), {});
    expect(granted).toEqual([false, false]);
    expect(session.permissionCheckHandler?.(null, 'fullscreen', 'app://board', {})).toBe(false);
    expect(session.devicePermissionHandler?.({})).toBe(false);
    expect(session.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const answers: unknown[] = [];
    session.beforeRequest?.listener({ url: 'https://cdn.example/x.js' }, (r) => answers.push(r));
    expect(answers).toEqual([{ cancel: true }]);
  });

  it('new windows are denied and navigation is held to the app', async () => {
    await start();
    const contents = consoleWindow().webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const away = new fake.FakeEvent();
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.defaultPrevented).toBe(true);
    const inside = new fake.FakeEvent();
    contents.emit('will-navigate', inside, 'app://board/index.html?view=console');
    expect(inside.defaultPrevented).toBe(false);
    const redirect = new fake.FakeEvent();
    contents.emit('will-redirect', redirect, 'http://127.0.0.1/');
    expect(redirect.defaultPrevented).toBe(true);
    const webview = new fake.FakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
    expect(fake.shell.opened).toEqual([]);
  });

  it('the registered scheme is standard and secure, and app:// serves the board with its CSP', async () => {
    await start();
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ]);
    const response = await fake.protocol.fetch('app://board/index.html?view=console');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(BOARD_CSP);
    expect((await fake.protocol.fetch('app://board/../../etc/passwd')).status).toBe(404);
  });

  it('shell.openExternal: tel: only when dialling out is on; web links never', async () => {
    const { dir } = await start();
    expect(await call(IPC_INVOKE.openExternal, { url: 'tel:119' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const settingsFile = join(dir, 'data', 'settings.json');
    const settings = JSON.parse(await readFile(settingsFile, 'utf8')) as Record<string, unknown>;
    await writeFile(settingsFile, JSON.stringify({ ...settings, dialOut: true }));
    expect(await call(IPC_INVOKE.openExternal, { url: 'tel:119' })).toEqual({ ok: true, value: null });
    expect(await call(IPC_INVOKE.openExternal, { url: 'https://example.com/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // a tel: link clicked in the page takes the same path
    consoleWindow().webContents.windowOpenHandler?.({ url: 'tel:120' });
    await vi.waitFor(() => expect(fake.shell.opened).toEqual(['tel:119', 'tel:120']));
  });
});

describe('awake, alerts, start at login', () => {
  it('keeps the display awake while running, and lets it sleep after exit', async () => {
    await start();
    expect([...fake.powerSaveBlocker.started.values()]).toEqual(['prevent-display-sleep']);
    await stop();
    expect(fake.powerSaveBlocker.started.size).toBe(0);
  });

  it('an alarm from another system, through the loopback intake, flashes, notifies and brings the console to the front', async () => {
    const { kiosk } = await start();
    expect(kiosk.intake?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const console = consoleWindow();
    console.minimize();
    const response = await fetch(new URL('/api/v1/alarms', kiosk.intake?.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'trigger',
        dedupKey: 'facp-12',
        source: 'Fire panel',
        summary: 'Smoke detector 12, store B3',
        level: 'II',
      }),
    });
    expect(response.status).toBe(200);
    expect(fake.FakeNotification.shown).toHaveLength(1);
    expect(fake.FakeNotification.shown[0]?.options).toMatchObject({
      body: expect.stringContaining('Smoke detector 12'),
      urgency: 'critical',
    });
    expect(console.flashes).toEqual([true]);
    expect(console.isMinimized()).toBe(false);
    expect(console.movedTop).toBeGreaterThan(0);
    console.emit('focus');
    expect(console.flashes).toEqual([true, false]);
  });

  it('acknowledging is not a new alarm', async () => {
    await start();
    const raised = await call(IPC_INVOKE.sendCommand, raise());
    const incidentId = (raised.value as { incidentId: string }).incidentId;
    await call(IPC_INVOKE.sendCommand, { type: 'acknowledge', incidentId });
    expect(fake.FakeNotification.shown).toHaveLength(1);
  });

  it('Linux: start at login writes the XDG autostart entry', async () => {
    const { dir } = await start();
    const file = join(dir, 'config', 'autostart', 'control-room-kiosk.desktop');
    await vi.waitFor(async () => expect(await readFile(file, 'utf8')).toContain('Exec=/opt/control-room-kiosk/control-room-kiosk\n'));
  });

  it('Linux: turning it off (with the PIN) removes the entry', async () => {
    const { dir } = await start();
    const file = join(dir, 'config', 'autostart', 'control-room-kiosk.desktop');
    await vi.waitFor(async () => expect(await readFile(file, 'utf8')).toContain('[Desktop Entry]'));
    expect(await call(IPC_INVOKE.setShellSettings, { pin: '', startAtLogin: false })).toMatchObject({
      ok: true,
      value: { settings: { startAtLogin: false } },
    });
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('Windows: start at login is a login item', async () => {
    await start({ platform: 'win32' });
    expect(fake.app.loginItems).toEqual([{ openAtLogin: true, path: '/opt/control-room-kiosk/control-room-kiosk', args: [] }]);
  });
});
