import type { ExitRequest, KioskApi } from '../../electron/core/contract/ipc-contract.js';

export type { ExitRequest };

/** The kiosk's guarded exit: main asks for the operator PIN before a close or quit goes ahead. */
export type ExitGate = Pick<KioskApi, 'onExitRequested' | 'requestExit'>;

/** Only the Electron shell has one; a browser tab closes like any other. */
export const chooseExitGate = (): ExitGate | null => window.kioskApi ?? null;
