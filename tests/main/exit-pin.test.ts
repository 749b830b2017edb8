import { describe, expect, it } from 'vitest';
import { createExitPinCheck } from '../../electron/main/exit-pin.js';
import { hashPin } from '../../electron/services/pin.js';

describe('exit PIN check', () => {
  const stored = hashPin('2468');

  it('opens with the operator PIN, not with another', () => {
    const pins = createExitPinCheck(() => stored);
    expect(pins.check('1111', 0)).toEqual({ ok: false, error: { code: 'forbidden', message: 'wrong operator PIN', field: 'pin' } });
    expect(pins.check('2468', 0)).toEqual({ ok: true, value: null });
  });

  it('locks for a minute after five wrong PINs, even for the right one', () => {
    const pins = createExitPinCheck(() => stored);
    for (let i = 0; i < 5; i += 1) expect(pins.check('0000', 1_000).ok).toBe(false);
    const locked = pins.check('2468', 2_000);
    expect(locked).toMatchObject({ ok: false, error: { code: 'rate_limited', field: 'pin' } });
    expect(pins.lockedUntil(2_000)).toBe(61_000);
    expect(pins.check('2468', 61_000)).toEqual({ ok: true, value: null });
    expect(pins.lockedUntil(61_000)).toBeNull();
  });

  it('a right PIN resets the count of wrong ones', () => {
    const pins = createExitPinCheck(() => stored);
    for (let i = 0; i < 4; i += 1) pins.check('0000', 0);
    pins.check('2468', 0);
    for (let i = 0; i < 4; i += 1) pins.check('0000', 0);
    expect(pins.lockedUntil(0)).toBeNull();
  });

  it('reads the stored hash on every check (a changed PIN counts at once)', () => {
    let current = stored;
    const pins = createExitPinCheck(() => current);
    current = hashPin('1357');
    expect(pins.check('2468', 0).ok).toBe(false);
    expect(pins.check('1357', 0).ok).toBe(true);
  });

  it('with no PIN set yet, the explicit confirmation is enough', () => {
    expect(createExitPinCheck(() => '').check('', 0)).toEqual({ ok: true, value: null });
  });
});
