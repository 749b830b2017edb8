import { describe, expect, it } from 'vitest';
import { readShellSettings } from '../../electron/core/organisation/shell-settings.js';
import { externalUrlAllowed, navigationAllowed } from '../../electron/main/security.js';

describe('navigation and external links', () => {
  it('navigation stays on the app origin', () => {
    expect(navigationAllowed('app://board/index.html?view=console')).toBe(true);
    expect(navigationAllowed('app://board/fallback.html')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8123/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'app://elsewhere/',
    ]) {
      expect(navigationAllowed(url), url).toBe(false);
    }
  });

  it('tel: opens only when dialling out is enabled, and only with a phone number', () => {
    const on = { tel: true, schemes: [] };
    expect(externalUrlAllowed('tel:119', on)).toBe(true);
    expect(externalUrlAllowed('tel:+86 10 1234 5678', on)).toBe(true);
    expect(externalUrlAllowed('tel:119', { tel: false, schemes: [] })).toBe(false);
    expect(externalUrlAllowed('tel:119;phone-context=evil', on)).toBe(false);
    expect(externalUrlAllowed('tel:', on)).toBe(false);
  });

  it('other schemes only when configured, never web, file or script schemes', () => {
    expect(externalUrlAllowed('sip:duty@pbx.local', { tel: false, schemes: ['sip'] })).toBe(true);
    expect(externalUrlAllowed('sip:duty@pbx.local', { tel: false, schemes: [] })).toBe(false);
    for (const url of [
      'https://example.com/',
      'http://x/',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'smb://host/share',
      'not a url',
    ]) {
      expect(externalUrlAllowed(url, { tel: true, schemes: ['https', 'http', 'file', 'javascript', 'ms-msdt', 'smb'] }), url).toBe(false);
    }
  });

  it('the shell settings refuse dangerous schemes in the first place', () => {
    expect(readShellSettings({ externalSchemes: ['sip', 'callto'] }).problem).toBeNull();
    for (const scheme of ['https', 'file', 'javascript', 'ms-settings', 'SIP']) {
      expect(readShellSettings({ externalSchemes: [scheme] }).problem, scheme).toMatch(/externalSchemes/);
    }
  });
});
