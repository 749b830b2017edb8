import { describe, expect, it } from 'vitest';
import { PinLockout } from '../../electron/services/pin-lockout.js';

const T = 1_800_000_000_000;
const SECOND = 1000;

describe('PIN lockout per client', () => {
  it('locks after 5 wrong PINs for 30 s, then for twice as long each time', () => {
    const lockout = new PinLockout();
    const fail = (times: number, now: number) => Array.from({ length: times }, () => lockout.failed('10.0.0.7', now));
    expect(fail(4, T).map((f) => f.lockedUntil)).toEqual([null, null, null, null]);
    expect(lockout.lockedUntil('10.0.0.7', T)).toBeNull();
    expect(lockout.failed('10.0.0.7', T)).toEqual({ failures: 5, lockedUntil: T + 30 * SECOND });
    expect(lockout.lockedUntil('10.0.0.7', T + 29 * SECOND)).toBe(T + 30 * SECOND);
    expect(lockout.lockedUntil('10.0.0.7', T + 30 * SECOND)).toBeNull();
    const later = T + 31 * SECOND;
    expect(fail(5, later).at(-1)).toEqual({ failures: 5, lockedUntil: later + 60 * SECOND });
    const again = later + 61 * SECOND;
    expect(fail(5, again).at(-1)?.lockedUntil).toBe(again + 120 * SECOND);
  });

  it('is per client, and a right PIN forgets the count', () => {
    const lockout = new PinLockout();
    for (let i = 0; i < 5; i++) lockout.failed('a', T);
    expect(lockout.lockedUntil('a', T)).not.toBeNull();
    expect(lockout.lockedUntil('b', T)).toBeNull();
    for (let i = 0; i < 4; i++) lockout.failed('b', T);
    lockout.succeeded('b');
    expect(lockout.failed('b', T)).toEqual({ failures: 1, lockedUntil: null });
  });
});
