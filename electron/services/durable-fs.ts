import { constants } from 'node:fs';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The few file operations that must survive a power cut. A new file's directory entry is only
 * durable once the directory itself is fsync'd, and a replaced file only once the rename is.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** mkdir -p, fsyncing each parent whose listing changed. */
export async function ensureDirectory(dir: string): Promise<void> {
  const exists = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (exists) return;
  await ensureDirectory(dirname(dir));
  await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await fsyncDirectory(dirname(dir));
}

/** Write to a temporary name, fsync, rename over the target, fsync the directory. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await fsyncDirectory(dirname(path));
}

/** A copy that is on disk before we go on: used to keep damaged bytes before repairing. */
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsyncDirectory(dirname(path));
}

/** A file name stamp that sorts and is valid on every platform. */
export const fileStamp = (now: number): string => new Date(now).toISOString().replace(/[:.]/g, '-');
