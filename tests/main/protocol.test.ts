import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOARD_CSP, createAppProtocolHandler, resolveAppRequest } from '../../electron/main/protocol.js';
import { useTempDirs } from '../helpers/temp-dir.js';

describe('the app:// protocol', () => {
  const tempDir = useTempDirs();

  it('the board CSP has no eval, no inline script and no remote origin', () => {
    expect(BOARD_CSP).not.toContain('unsafe-eval');
    expect(BOARD_CSP).not.toContain('unsafe-inline');
    expect(BOARD_CSP).not.toMatch(/https?:|wss?:|\*/);
    expect(BOARD_CSP).toContain("script-src 'self'");
    expect(BOARD_CSP).toContain("object-src 'none'");
  });

  it('resolves paths inside the renderer folder only', () => {
    const root = '/srv/dist/renderer';
    expect(resolveAppRequest('GET', 'app://board/', root)).toEqual({
      kind: 'file',
      path: '/srv/dist/renderer/index.html',
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('GET', 'app://board/index.html?view=wall', root)).toMatchObject({
      kind: 'file',
      path: '/srv/dist/renderer/index.html',
    });
    expect(resolveAppRequest('GET', 'app://board/assets/index-1.js', root)).toMatchObject({
      kind: 'file',
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('GET', 'app://board/a%2f..%2f..%2f..%2fetc%2fpasswd.js', root)).toMatchObject({
      kind: 'file',
      path: '/srv/dist/renderer/etc/passwd.js',
    });
    expect(resolveAppRequest('GET', 'app://board/..%5c..%5cwin.ini', root)).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveAppRequest('GET', 'app://board/%00.js', root)).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveAppRequest('GET', 'app://board/%E0%A4%A', root)).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveAppRequest('GET', 'app://other/index.html', root)).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppRequest('POST', 'app://board/index.html', root)).toMatchObject({ kind: 'refused', status: 405 });
    expect(resolveAppRequest('GET', 'app://board/secret.key', root)).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppRequest('GET', 'app://board/fallback.html?view=wall', root)).toEqual({ kind: 'fallback', view: 'wall' });
  });

  it('serves files with the CSP, the fallback with its own, and refuses symlinks out of the folder', async () => {
    const dir = await tempDir();
    const root = join(dir, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>board</title>');
    await writeFile(join(dir, 'outside.js'), 'secret()');
    await symlink(join(dir, 'outside.js'), join(root, 'assets', 'link.js'));
    const refused: string[] = [];
    const handle = createAppProtocolHandler({
      rendererDir: root,
      fallbackPage: (view) => `<p>fallback ${view}</p>`,
      onRefused: (_u, why) => refused.push(why),
    });

    const index = await handle(new Request('app://board/index.html?view=console'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(BOARD_CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>board</title>');

    const fallback = await handle(new Request('app://board/fallback.html?view=wall'));
    expect(await fallback.text()).toBe('<p>fallback wall</p>');
    expect(fallback.headers.get('content-security-policy')).toContain("script-src 'none'");

    expect((await handle(new Request('app://board/assets/link.js'))).status).toBe(404);
    expect((await handle(new Request('app://board/assets/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://board/index.html', { method: 'POST' }))).status).toBe(405);
    expect(refused).toEqual(['outside the app', 'not found', 'method not allowed']);
  });
});
