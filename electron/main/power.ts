import { powerSaveBlocker } from 'electron';
import type { Logger } from '../services/logger.js';

/**
 * Never asleep: the display stays on while the app runs (the board is watched, not used).
 * Alarm timing does not depend on it: timers live in main and a tick after a suspend fires what
 * became due. Returns the function that lets the display sleep again (at exit).
 */
export function keepDisplayAwake(log: Logger): () => void {
  const id = powerSaveBlocker.start('prevent-display-sleep');
  log.info(`display sleep blocked (blocker ${id})`);
  return () => {
    if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
  };
}
