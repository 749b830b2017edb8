import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../electron/core/contract/commands.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { CommandBus } from '../../electron/services/command-bus.js';
import { AtomicWriteError, nodeRenames, RENAME_RETRY_DELAYS_MS } from '../../electron/services/durable-fs.js';
import { Journal, SNAPSHOT_FILE } from '../../electron/services/journal.js';
import { currentSettings, openSettings, SETTINGS_BACKUP } from '../../electron/services/settings-store.js';
import { raise } from '../helpers/commands.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { errnoError, FaultPlan, faultyJournalFiles, faultyRenames } from './fault-layer.js';
import { decideEvents } from './journal-helpers.js';

const tempDir = useTempDirs();
const ATTEMPTS = RENAME_RETRY_DELAYS_MS.length + 1;

const leftovers = async (dir: string) => (await readdir(dir)).filter((name) => name.includes('.tmp-'));

async function journalWithHistory() {
  const dir = await tempDir();
  const plan = new FaultPlan();
  const opened = await Journal.open(dir, Date.now, { files: faultyJournalFiles(plan) });
  let state = opened.state;
  const append = async (input: CommandInput) => {
    const events = decideEvents(state, input);
    await opened.journal.append(events);
    state = evolveAll(state, events);
  };
  await append(raise({ incidentId: 'a' }));
  await append(raise({ incidentId: 'b' }));
  return { dir, plan, journal: opened.journal, append, state: () => state };
}

describe('rename failures on snapshot writes', () => {
  it.each(['EXDEV', 'EPERM'])('%s a few times: retried with backoff, then the snapshot is in place', async (code) => {
    const j = await journalWithHistory();
    j.plan.fail('rename', code, { times: ATTEMPTS - 1 });
    await j.journal.writeSnapshot(j.state());
    expect(j.plan.calls.rename).toBe(ATTEMPTS);
    await j.journal.close();
    const reopened = await Journal.open(j.dir);
    expect(reopened.state).toEqual(j.state());
    expect(reopened.warnings).toEqual([]);
    await reopened.journal.close();
    expect(await leftovers(j.dir)).toEqual([]);
  });

  it.each(['EXDEV', 'EPERM'])(
    '%s every time: reported after the last retry, the old snapshot untouched, no non-atomic fallback',
    async (code) => {
      const j = await journalWithHistory();
      await j.journal.writeSnapshot(j.state());
      const oldSnapshot = await readFile(join(j.dir, SNAPSHOT_FILE));
      await j.append({ type: 'acknowledge', incidentId: 'a' });

      j.plan.fail('rename', code);
      const started = Date.now();
      const failure = await j.journal.writeSnapshot(j.state()).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AtomicWriteError);
      expect(failure).toMatchObject({ code, attempts: ATTEMPTS, file: join(j.dir, SNAPSHOT_FILE) });
      expect((failure as Error).message).toMatch(new RegExp(`${code} after ${ATTEMPTS} attempts.*previous file is unchanged`));
      expect(Date.now() - started).toBeGreaterThanOrEqual(RENAME_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0) - 5);
      expect(await readFile(join(j.dir, SNAPSHOT_FILE))).toEqual(oldSnapshot);
      expect(await leftovers(j.dir)).toEqual([]);

      // The journal is the truth: appends go on, and a restart rebuilds everything.
      await j.append(raise({ incidentId: 'c' }));
      await j.journal.close();
      const reopened = await Journal.open(j.dir);
      expect(reopened.state).toEqual(j.state());
      await reopened.journal.close();
    },
  );

  it('through the command bus: commands keep succeeding, the failed snapshot is reported', async () => {
    const dir = await tempDir();
    const plan = new FaultPlan().fail('rename', 'EPERM');
    const opened = await Journal.open(dir, Date.now, { files: faultyJournalFiles(plan) });
    const reported: { message: string; error: unknown }[] = [];
    const bus = new CommandBus(opened.journal, opened.state, {
      clock: Date.now,
      defaultActor: () => 'tester',
      snapshotEvery: 2,
      onError: (message, error) => reported.push({ message, error }),
    });
    for (const id of ['a', 'b', 'c']) expect((await bus.execute(raise({ incidentId: id }))).ok).toBe(true);
    await bus.settled();
    expect(reported.map((r) => r.message)).toContain('snapshot failed');
    expect(reported.find((r) => r.message === 'snapshot failed')?.error).toBeInstanceOf(AtomicWriteError);
    expect((await readdir(dir)).includes(SNAPSHOT_FILE)).toBe(false);
    await opened.journal.close();
  });
});

describe('rename failures on settings writes', () => {
  it.each(['EXDEV', 'EPERM'])('%s a few times: retried, then saved', async (code) => {
    const dir = await tempDir();
    const plan = new FaultPlan();
    const { store } = await openSettings(dir, Date.now, { files: faultyRenames(plan) });
    plan.fail('rename', code, { times: ATTEMPTS - 1 }); // every retry is needed
    store.set('siteName', 'Plant 2 duty room');
    expect(plan.failures.rename).toBe(ATTEMPTS - 1);
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { siteName: string };
    expect(onDisk.siteName).toBe('Plant 2 duty room');
    expect(await readFile(join(dir, SETTINGS_BACKUP), 'utf8')).toBe(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(await leftovers(dir)).toEqual([]);
  });

  it.each(['EXDEV', 'EPERM'])(
    '%s every time: the change is refused with a clear error and the file keeps its old content',
    async (code) => {
      const dir = await tempDir();
      const plan = new FaultPlan();
      const { store } = await openSettings(dir, Date.now, { files: faultyRenames(plan) });
      store.set('siteName', 'Plant 2 duty room');
      const before = await readFile(join(dir, 'settings.json'));

      plan.fail('rename', code);
      expect(() => store.set('siteName', 'Renamed')).toThrow(new RegExp(`settings\\.json \\(${code} after ${ATTEMPTS} attempts`));
      // conf itself would have fallen back to a plain overwrite on EXDEV: here the old bytes stay
      expect(await readFile(join(dir, 'settings.json'))).toEqual(before);
      expect(currentSettings(store).siteName).toBe('Plant 2 duty room');
      expect(await leftovers(dir)).toEqual([]);

      plan.clear();
      store.set('siteName', 'Renamed');
      expect(currentSettings(store).siteName).toBe('Renamed');
    },
  );

  it('a backup that cannot be refreshed is reported: the error says the file itself was saved', async () => {
    const dir = await tempDir();
    let backupRenames = 0;
    let failBackup = false;
    const opened = await openSettings(dir, Date.now, {
      files: {
        rename: (from, to) => nodeRenames.rename(from, to),
        renameSync: (from, to) => {
          if (to.endsWith(SETTINGS_BACKUP) && failBackup) {
            backupRenames += 1;
            throw errnoError('EPERM', 'rename');
          }
          nodeRenames.renameSync(from, to);
        },
      },
    });
    failBackup = true;
    expect(() => opened.store.set('siteName', 'X')).toThrow(
      /settings were saved to .*settings\.json, but the backup copy .* could not be updated.*EPERM after 5 attempts/,
    );
    expect(backupRenames).toBe(ATTEMPTS);
    expect((JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { siteName: string }).siteName).toBe('X');
    failBackup = false;
    opened.store.set('siteName', 'Y');
    expect(await readFile(join(dir, SETTINGS_BACKUP), 'utf8')).toBe(await readFile(join(dir, 'settings.json'), 'utf8'));
  });

  it('restoring the backup at start-up goes through the same retries', async () => {
    const dir = await tempDir();
    const first = await openSettings(dir);
    first.store.set('siteName', 'Plant 2 duty room');
    await writeFile(join(dir, 'settings.json'), '{"siteName": "Pla');
    const plan = new FaultPlan().fail('rename', 'EXDEV', { times: 2 });
    const opened = await openSettings(dir, Date.now, { files: faultyRenames(plan) });
    expect(currentSettings(opened.store).siteName).toBe('Plant 2 duty room');
    expect(plan.failures.rename).toBe(2);
    expect(opened.warnings[0]?.message).toMatch(/last good copy/);
  });
});
