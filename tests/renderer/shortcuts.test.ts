import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../renderer/i18n/messages.js';
import { isTyping, neighbour, SHORTCUTS, shortcutFor, type KeyInput } from '../../renderer/keyboard/shortcuts.js';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  target: { tagName: 'BODY', isContentEditable: false },
  ...extra,
});

describe('dispatcher shortcuts', () => {
  it('maps the keys of the help overlay to their actions', () => {
    expect(shortcutFor(key('n'))).toEqual({ kind: 'raise' });
    expect(shortcutFor(key('a'))).toEqual({ kind: 'acknowledge' });
    expect(shortcutFor(key('s'))).toEqual({ kind: 'silence' });
    expect(shortcutFor(key('e'))).toEqual({ kind: 'escalate' });
    expect(shortcutFor(key('j'))).toEqual({ kind: 'next' });
    expect(shortcutFor(key('ArrowDown'))).toEqual({ kind: 'next' });
    expect(shortcutFor(key('k'))).toEqual({ kind: 'previous' });
    expect(shortcutFor(key('ArrowUp'))).toEqual({ kind: 'previous' });
    expect(shortcutFor(key('?'))).toEqual({ kind: 'help' });
    expect(['1', '2', '3', '4'].map((k) => shortcutFor(key(k)))).toEqual(
      ['119', '110', '120', '122'].map((number) => ({ kind: 'call', number })),
    );
    expect(shortcutFor(key('x'))).toBeNull();
    expect(shortcutFor(key('5'))).toBeNull();
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser', () => {
    expect(shortcutFor(key('a', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('1', { altKey: true }))).toBeNull();
    expect(shortcutFor(key('n', { metaKey: true }))).toBeNull();
  });

  it('does nothing while someone types in a field or picks from a list', () => {
    for (const target of [
      { tagName: 'INPUT', isContentEditable: false, type: 'text' },
      { tagName: 'input', isContentEditable: false, type: 'number' },
      { tagName: 'INPUT', isContentEditable: false, type: 'password' },
      { tagName: 'TEXTAREA', isContentEditable: false },
      { tagName: 'SELECT', isContentEditable: false },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(isTyping(target)).toBe(true);
      expect(shortcutFor(key('a', { target }))).toBeNull();
    }
    // A checkbox or a button with focus is not typing: the shortcut works.
    expect(shortcutFor(key('a', { target: { tagName: 'INPUT', isContentEditable: false, type: 'checkbox' } }))).toEqual({
      kind: 'acknowledge',
    });
    expect(shortcutFor(key('j', { target: { tagName: 'BUTTON', isContentEditable: false } }))).toEqual({ kind: 'next' });
  });

  it('moves through the board in order and wraps round', () => {
    const ids = ['a', 'b', 'c'];
    expect(neighbour(ids, null, 1)).toBe('a');
    expect(neighbour(ids, null, -1)).toBe('c');
    expect(neighbour(ids, 'a', 1)).toBe('b');
    expect(neighbour(ids, 'c', 1)).toBe('a');
    expect(neighbour(ids, 'a', -1)).toBe('c');
    expect(neighbour(ids, 'gone', 1)).toBe('a');
    expect(neighbour([], null, 1)).toBeNull();
  });

  it('lists every shortcut on the help overlay in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      for (const s of SHORTCUTS) expect(MESSAGES[language].plans.shortcutNames[s.action].length).toBeGreaterThan(2);
    }
  });
});
