import type { WallDisplay } from '../core/organisation/shell-settings.js';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The part of Electron's Display that the choice needs. */
export interface DisplayInfo {
  readonly id: number;
  readonly bounds: Rect;
  readonly label?: string;
}

export interface DisplayChoice {
  readonly console: DisplayInfo;
  /** null: one window only (one screen, or the wall is turned off) */
  readonly wall: DisplayInfo | null;
}

/** Left to right, then top to bottom: the order people read their screens in. */
const byPosition = (a: DisplayInfo, b: DisplayInfo): number => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id;

/**
 * Which screen gets the dispatcher console and which the wall display.
 * - The console goes to the primary screen, unless the wall setting names the primary screen.
 * - 'auto': the wall goes to the first other screen (left to right); 'off': no wall.
 * - A display id that is not attached is treated as 'auto', so unplugging and plugging back a
 *   screen restores the chosen layout without anyone touching the settings.
 * - With one screen there is one window; the view toggle in the board switches it.
 */
export function chooseDisplays(displays: readonly DisplayInfo[], primaryId: number, wall: WallDisplay): DisplayChoice {
  const sorted = [...displays].sort(byPosition);
  const primary = sorted.find((d) => d.id === primaryId) ?? sorted[0];
  if (primary === undefined) throw new Error('no display is attached');
  if (sorted.length === 1 || wall === 'off') return { console: primary, wall: null };
  const named = typeof wall === 'number' ? sorted.find((d) => d.id === wall) : undefined;
  if (named !== undefined) {
    const consoleDisplay = named.id === primary.id ? (sorted.find((d) => d.id !== named.id) as DisplayInfo) : primary;
    return { console: consoleDisplay, wall: named };
  }
  return { console: primary, wall: sorted.find((d) => d.id !== primary.id) ?? null };
}

export const sameRect = (a: Rect, b: Rect): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
