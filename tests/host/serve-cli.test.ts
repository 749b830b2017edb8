import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { raise } from '../helpers/commands.js';
import { runHostToExit, spawnHost } from '../helpers/host-process.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('npm run serve', () => {
  it('refuses to bind a non-loopback address without a token', async () => {
    const result = await runHostToExit(['--host', '0.0.0.0', '--port', '0', '--data', await tempDir()]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('without a token');
  });

  it('names the bad option', async () => {
    const result = await runHostToExit(['--port', 'eighty', '--data', await tempDir()]);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--port');
  });

  it('stops start-up and names file and byte offset when the journal is damaged in the middle', async () => {
    const dataDir = await tempDir();
    const host = await spawnHost(['--port', '0', '--data', dataDir]);
    for (let i = 0; i < 3; i += 1) {
      await fetch(new URL('/api/v1/commands', host.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(raise()),
      });
    }
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);

    const path = join(dataDir, 'journal', 'events.ndjson');
    const bytes = await readFile(path);
    const second = bytes.indexOf(0x0a) + 1;
    bytes[second + 20] = 0x7a;
    await writeFile(path, bytes);
    const result = await runHostToExit(['--port', '0', '--data', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path} at byte ${second}`);
  });
});
