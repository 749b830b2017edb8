import { describe, expect, it } from 'vitest';
import { boardUrl, fallbackUrl, isAppUrl, viewOf } from '../../electron/main/app-origin.js';
import { checkSender } from '../../electron/main/sender-policy.js';

describe('IPC sender validation', () => {
  const top = (url: string) => ({ url, parent: null });

  it('accepts the app origin in a top-level frame', () => {
    expect(checkSender(top(boardUrl('console')))).toEqual({ ok: true });
    expect(checkSender(top('app://board/'))).toEqual({ ok: true });
  });

  it('refuses other origins, iframes and vanished frames', () => {
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8123/',
      'file:///etc/passwd',
      'about:blank',
      'data:text/html,x',
      'app://other/',
      'app://user@board/',
      'devtools://devtools/',
    ]) {
      expect(checkSender(top(url)).ok, url).toBe(false);
    }
    expect(checkSender({ url: boardUrl('console'), parent: top(boardUrl('console')) })).toEqual({
      ok: false,
      why: 'only a top-level frame may call',
    });
    expect(checkSender(null)).toEqual({ ok: false, why: 'the sending frame is gone' });
  });

  it('does not log a whole foreign URL', () => {
    const verdict = checkSender(top('https://evil.example/secret?token=abc'));
    expect(verdict).toEqual({ ok: false, why: 'foreign origin: https://evil.example' });
  });

  it('app URLs and their views', () => {
    expect(boardUrl('wall')).toBe('app://board/index.html?view=wall');
    expect(viewOf(boardUrl('wall'))).toBe('wall');
    expect(viewOf(fallbackUrl('wall'))).toBe('wall');
    expect(viewOf('app://board/index.html')).toBe('console');
    expect(isAppUrl('not a url')).toBe(false);
  });
});
