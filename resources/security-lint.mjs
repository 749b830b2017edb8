// `npm run lint:electron`: electronegativity (Doyensec's Electron security linter) over the built
// main process, preload bundle and renderer. Fails on any HIGH or CRITICAL finding.
// The check that downloads Electron's release list is left out: this machine has no such network.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const electronVersion = JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

const work = await mkdtemp(join(tmpdir(), 'kiosk-eneg-'));
try {
  const target = join(work, 'app');
  // What ships to the windows: main, the preload bundle (not tsc's unused ESM copy), the renderer.
  await cp(join(root, 'dist', 'electron', 'main'), join(target, 'main'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  await cp(join(root, 'dist', 'electron', 'preload', 'preload.cjs'), join(target, 'preload', 'preload.cjs'));
  await cp(join(root, 'dist', 'renderer'), join(target, 'renderer'), { recursive: true });
  const report = join(work, 'report.csv');
  const run = spawnSync(
    process.execPath,
    [cli, '-i', target, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity exited with ${run.status}`);
  }
  const rows = (await readFile(report, 'utf8')).trim().split('\n').slice(1);
  const findings = rows.map((line) => {
    const [id, severity, confidence, file, location] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return { id, severity, confidence, file, location };
  });
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id} ${f.file}:${f.location}`);
  const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL');
  console.log(`electronegativity ${electronVersion}: ${findings.length} finding(s), ${blocking.length} high or critical`);
  if (blocking.length > 0) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
