import { describe, expect, it } from 'vitest';
import { autostartPath, desktopEntry, loginCommand, quoteExecArg } from '../../electron/main/autostart-entry.js';

describe('XDG autostart entry', () => {
  it('is a complete desktop entry that starts the app', () => {
    expect(desktopEntry({ name: 'Control-room board', comment: 'Emergency board', exec: ['/opt/Control Room/kiosk'] })).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.5',
        'Name=Control-room board',
        'Comment=Emergency board',
        'Exec="/opt/Control Room/kiosk"',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });

  it('quotes Exec arguments by the spec: reserved characters quoted, % doubled, backslashes escaped twice', () => {
    expect(quoteExecArg('/usr/bin/kiosk')).toBe('/usr/bin/kiosk');
    expect(quoteExecArg('/home/li/My Apps/k.AppImage')).toBe('"/home/li/My Apps/k.AppImage"');
    expect(quoteExecArg('100%')).toBe('100%%');
    expect(quoteExecArg('a"b')).toBe('"a\\\\"b"');
    expect(quoteExecArg('$HOME')).toBe('"\\\\$HOME"');
    expect(quoteExecArg('C:\\x')).toBe('"C:\\\\\\\\x"');
    expect(quoteExecArg('')).toBe('""');
    expect(() => quoteExecArg('a\nb')).toThrow(/line break/);
  });

  it('escapes line breaks in names, so a name cannot add keys', () => {
    expect(desktopEntry({ name: 'x\nExec=evil', comment: '', exec: ['/k'] })).toContain('Name=x\\nExec=evil\n');
  });

  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/li')).toBe('/cfg/autostart/control-room-kiosk.desktop');
    expect(autostartPath({}, '/home/li')).toBe('/home/li/.config/autostart/control-room-kiosk.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: 'relative' }, '/home/li')).toBe('/home/li/.config/autostart/control-room-kiosk.desktop');
  });

  it('starts the AppImage file itself, the installed executable, or electron with the app folder in development', () => {
    expect(loginCommand({ execPath: '/tmp/.mount_x/kiosk', appImage: '/home/li/Kiosk.AppImage', isPackaged: true, appPath: '/a' })).toEqual(
      ['/home/li/Kiosk.AppImage'],
    );
    expect(loginCommand({ execPath: '/opt/kiosk/kiosk', appImage: undefined, isPackaged: true, appPath: '/a' })).toEqual([
      '/opt/kiosk/kiosk',
    ]);
    expect(loginCommand({ execPath: '/n/electron', appImage: '', isPackaged: false, appPath: '/src/kiosk' })).toEqual([
      '/n/electron',
      '/src/kiosk',
    ]);
  });
});
