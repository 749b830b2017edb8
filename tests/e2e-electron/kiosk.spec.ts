/**
 * The real desktop app, started by Playwright's Electron driver: the board through app:// and the
 * preload bridge, the kiosk guard, crash recovery, and the journal across a restart.
 * Skipped, with the reason, when no Electron binary is available (see electron-binary.ts).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { card, raiseIncident } from '../e2e/helpers/board.js';
import { findElectronBinary } from './electron-binary.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary(ROOT);

test.describe('the desktop app', () => {
  test.skip(!binary.available, binary.available ? '' : binary.reason);
  test.describe.configure({ mode: 'serial' });

  let dataDir: string;
  let intakePort: number;
  let app: ElectronApplication | null = null;

  test.beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kiosk-electron-'));
    intakePort = await freePort();
    await mkdir(dataDir, { recursive: true });
    // No autostart entry in the tester's home; one window; the intake on a free port to read the state.
    await writeFile(
      join(dataDir, 'kiosk-shell.json'),
      JSON.stringify({ startAtLogin: false, wallDisplay: 'off', externalSchemes: [], alarmIntakePort: intakePort }),
    );
  });

  test.afterAll(async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function launch(): Promise<Page> {
    if (!binary.available) throw new Error('unreachable');
    const args = [ROOT];
    if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
    app = await electron.launch({ executablePath: binary.executablePath, args, env: { ...process.env, KIOSK_USER_DATA_DIR: dataDir } });
    const page = await app.firstWindow();
    await page.waitForURL(/^app:\/\/board\/index\.html\?view=console/);
    await page.evaluate(() => window.localStorage.setItem('kiosk.language', 'en'));
    await page.reload();
    await expect(page.getByRole('status')).toHaveText('Online');
    return page;
  }

  /** SIGTERM is the administrator's way out: the guard lets the app end in order. */
  async function stop(): Promise<void> {
    const running = app;
    app = null;
    if (running === null) return;
    const exited = new Promise<void>((resolve) => running.process().once('exit', () => resolve()));
    running.process().kill('SIGTERM');
    await exited;
  }

  async function incidentState(title: string): Promise<{ status: string; timeline: { type: string }[] }> {
    const response = await fetch(`http://127.0.0.1:${intakePort}/api/v1/state`);
    const body = (await response.json()) as { value: { active: { title: string; status: string; timeline: { type: string }[] }[] } };
    const incident = body.value.active.find((i) => i.title === title);
    if (incident === undefined) throw new Error(`${title} is not active`);
    return incident;
  }

  test('the page gets the bridge and nothing of Node', async () => {
    const page = await launch();
    const seen = await page.evaluate(() => ({
      api: Object.keys(window.kioskApi ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      opened: window.open('https://example.com/') === null,
    }));
    expect(seen).toEqual({
      api: [
        'getShellSettings',
        'getStatus',
        'onExitRequested',
        'openExternal',
        'requestExit',
        'sendCommand',
        'setShellSettings',
        'subscribe',
      ],
      require: 'undefined',
      process: 'undefined',
      opened: true,
    });
    await expect(page.evaluate(() => fetch('https://example.com/').then(() => 'fetched'))).rejects.toThrow();
  });

  test('raise, acknowledge and escalate on the board; a stray close is stopped', async () => {
    const page = await launch();
    await raiseIncident(page, { type: 'Fire', level: 'II', title: 'Smoke in store B3', location: 'Store B3' });
    await card(page, 'Smoke in store B3')
      .getByRole('button', { name: /^Acknowledge/ })
      .click();
    await expect.poll(async () => (await incidentState('Smoke in store B3')).status).toBe('acknowledged');
    await card(page, 'Smoke in store B3')
      .getByRole('button', { name: /^Escalate/ })
      .click();
    await expect.poll(async () => (await incidentState('Smoke in store B3')).timeline.map((e) => e.type)).toContain('escalated');

    await app?.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect.poll(() => app?.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('a crashed renderer comes back with the same board', async () => {
    const page = app === null ? await launch() : app.windows()[0]!;
    await app?.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer();
    });
    await expect(card(page, 'Smoke in store B3')).toBeVisible({ timeout: 20_000 });
  });

  test('after a restart the board is as it was', async () => {
    await stop();
    const page = await launch();
    await expect(card(page, 'Smoke in store B3')).toBeVisible();
    const incident = await incidentState('Smoke in store B3');
    expect(incident.status).toBe('acknowledged');
    expect(incident.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['incidentRaised', 'incidentAcknowledged', 'escalated']));
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
