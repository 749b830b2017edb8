import { join } from 'node:path';

/**
 * The XDG autostart entry that starts the kiosk at login on Linux desktops
 * (freedesktop.org Desktop Application Autostart and Desktop Entry specifications). Pure text.
 */
export const AUTOSTART_FILE_NAME = 'control-room-kiosk.desktop';

/** `$XDG_CONFIG_HOME/autostart/…`, with `~/.config` when the variable is unset or not absolute. */
export function autostartPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const configured = env.XDG_CONFIG_HOME;
  const base = configured !== undefined && configured.startsWith('/') ? configured : join(home, '.config');
  return join(base, 'autostart', AUTOSTART_FILE_NAME);
}

/**
 * One argument of the Exec key. Arguments with reserved characters are double-quoted, and inside
 * quotes `"`, `` ` ``, `$` and `\` are backslash-escaped; a literal `%` is written `%%` (field codes).
 * The string-value escape of the file format is applied on top, so a backslash becomes four.
 */
export function quoteExecArg(arg: string): string {
  if (/[\n\r\0]/.test(arg)) throw new Error('an Exec argument cannot contain a line break or NUL');
  const percent = arg.replace(/%/g, '%%');
  const needsQuotes = percent === '' || /[\s"'\\><~|&;$*?#()`]/.test(percent);
  const quoted = needsQuotes ? `"${percent.replace(/(["`$\\])/g, '\\$1')}"` : percent;
  return quoted.replace(/\\/g, '\\\\');
}

/** A string value of the file format: backslash, newline, tab and carriage return escaped. */
export function desktopString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}

export interface AutostartEntry {
  readonly name: string;
  readonly comment: string;
  /** the program and its arguments, unquoted */
  readonly exec: readonly string[];
}

export function desktopEntry(entry: AutostartEntry): string {
  if (entry.exec.length === 0) throw new Error('Exec needs a program');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    `Name=${desktopString(entry.name)}`,
    `Comment=${desktopString(entry.comment)}`,
    `Exec=${entry.exec.map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * What to start at login: the AppImage file itself when running from one (its mount point changes
 * on every start), else the installed executable; an unpackaged development run also needs the
 * app folder as its argument.
 */
export function loginCommand(input: {
  readonly execPath: string;
  readonly appImage: string | undefined;
  readonly isPackaged: boolean;
  readonly appPath: string;
}): string[] {
  if (input.appImage !== undefined && input.appImage !== '') return [input.appImage];
  return input.isPackaged ? [input.execPath] : [input.execPath, input.appPath];
}
