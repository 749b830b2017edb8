import { fail, ok, type Result } from '../core/contract/result.js';
import { pinMatches } from '../services/pin.js';

/**
 * The exit check: the operator PIN of the site settings (`pinHash`, a salted scrypt hash written
 * by the `changePin` command) unlocks closing and quitting. Guessing is slowed down: after
 * `maxFailures` wrong PINs in a row the exit is locked for `lockMs`.
 */
export interface PinAttemptPolicy {
  readonly maxFailures: number;
  readonly lockMs: number;
}

export const PIN_ATTEMPTS: PinAttemptPolicy = { maxFailures: 5, lockMs: 60_000 };

export interface ExitPinCheck {
  /** ok when the PIN opens the exit; `forbidden` (field pin) when not, `rate_limited` while locked */
  check(pin: string, now: number): Result<null>;
  lockedUntil(now: number): number | null;
}

/**
 * `storedHash` reads the current hash each time ('' when no PIN has been set yet: then an explicit
 * confirmation in the view is enough, so a fresh installation can still be closed, while a stray
 * Alt+F4 is still stopped by the guard).
 */
export function createExitPinCheck(storedHash: () => string, policy: PinAttemptPolicy = PIN_ATTEMPTS): ExitPinCheck {
  let failures = 0;
  let lockedUntil = 0;
  return {
    check(pin, now) {
      if (now < lockedUntil) {
        return fail('rate_limited', `too many wrong PINs; try again in ${Math.ceil((lockedUntil - now) / 1000)} s`, 'pin');
      }
      const stored = storedHash();
      if (stored === '' || pinMatches(stored, pin)) {
        failures = 0;
        return ok(null);
      }
      failures += 1;
      if (failures >= policy.maxFailures) {
        failures = 0;
        lockedUntil = now + policy.lockMs;
      }
      return fail('forbidden', 'wrong operator PIN', 'pin');
    },
    lockedUntil: (now) => (now < lockedUntil ? lockedUntil : null),
  };
}
