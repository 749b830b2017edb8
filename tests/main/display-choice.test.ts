import { describe, expect, it } from 'vitest';
import { chooseDisplays, type DisplayInfo } from '../../electron/main/display-choice.js';

const d = (id: number, x: number, y = 0): DisplayInfo => ({ id, bounds: { x, y, width: 1920, height: 1080 } });

describe('chooseDisplays', () => {
  it('one screen: one window, the console, whatever the setting', () => {
    for (const wall of ['auto', 'off', 7] as const) {
      expect(chooseDisplays([d(7, 0)], 7, wall)).toEqual({ console: d(7, 0), wall: null });
    }
  });

  it('two screens, auto: console on the primary, wall on the other', () => {
    expect(chooseDisplays([d(2, 1920), d(1, 0)], 1, 'auto')).toEqual({ console: d(1, 0), wall: d(2, 1920) });
    expect(chooseDisplays([d(2, 1920), d(1, 0)], 2, 'auto')).toEqual({ console: d(2, 1920), wall: d(1, 0) });
  });

  it('auto with three screens picks the leftmost non-console screen', () => {
    expect(chooseDisplays([d(3, 3840), d(1, 0), d(2, 1920)], 2, 'auto').wall?.id).toBe(1);
    expect(chooseDisplays([d(3, 3840), d(1, 0), d(2, 1920)], 1, 'auto').wall?.id).toBe(2);
  });

  it('the setting names the wall screen', () => {
    expect(chooseDisplays([d(1, 0), d(2, 1920), d(3, 3840)], 1, 3)).toEqual({ console: d(1, 0), wall: d(3, 3840) });
  });

  it('naming the primary screen for the wall moves the console to another screen', () => {
    expect(chooseDisplays([d(1, 0), d(2, 1920)], 1, 1)).toEqual({ console: d(2, 1920), wall: d(1, 0) });
  });

  it('a named screen that is not attached counts as auto', () => {
    expect(chooseDisplays([d(1, 0), d(2, 1920)], 1, 99)).toEqual({ console: d(1, 0), wall: d(2, 1920) });
  });

  it('off: no wall even with two screens', () => {
    expect(chooseDisplays([d(1, 0), d(2, 1920)], 1, 'off').wall).toBeNull();
  });

  it('an unknown primary id falls back to the leftmost screen', () => {
    expect(chooseDisplays([d(2, 1920), d(1, 0)], 42, 'auto').console.id).toBe(1);
  });

  it('no screen at all is an error, not a window nowhere', () => {
    expect(() => chooseDisplays([], 1, 'auto')).toThrow(/no display/);
  });
});
