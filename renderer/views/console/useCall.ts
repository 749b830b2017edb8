import { useCallback } from 'react';
import type { CommandOutcome } from '../../../electron/core/contract/contract.js';
import type { Result } from '../../../electron/core/contract/result.js';
import { useBoard, useBoardAction } from '../../store/context.js';
import { openTel } from './dialOut.js';

/**
 * Calling a contact for an incident: the call goes on the incident's timeline ("called 119 at
 * 10:02 by Wang"), and the number is dialled when the site has a dialler. Without an incident
 * the number is only dialled (if it can be).
 */
export function useCall(): (number: string, name: string, incidentId: string | null) => Promise<Result<CommandOutcome> | null> {
  const recordCall = useBoardAction('recordCall');
  const dialOut = useBoard((s) => s.host.settings.dialOut);
  return useCallback(
    async (number, name, incidentId) => {
      // Dial first: an emergency call never waits for the host to answer.
      if (dialOut) openTel(number);
      return incidentId === null ? null : recordCall(incidentId, number, name);
    },
    [recordCall, dialOut],
  );
}
