/** The wall shows at most this many incidents as tiles; the rest collapse into one summary line. */
export const WALL_MAX_TILES = 12;

export interface WallGrid {
  readonly columns: number;
  readonly rows: number;
}

/**
 * Columns and rows for n tiles on a landscape screen, so that the grid fills it without
 * scrolling: 1, 2×1, 2×2, 3×2, 3×3, 4×3.
 */
export function wallGrid(count: number): WallGrid {
  const n = Math.max(1, Math.min(count, WALL_MAX_TILES));
  if (n === 1) return { columns: 1, rows: 1 };
  if (n === 2) return { columns: 2, rows: 1 };
  if (n <= 4) return { columns: 2, rows: 2 };
  if (n <= 6) return { columns: 3, rows: 2 };
  if (n <= 9) return { columns: 3, rows: 3 };
  return { columns: 4, rows: 3 };
}

/** Type size step for the tile count: fewer tiles, larger type. */
export const wallDensity = (count: number): 'large' | 'medium' | 'small' => (count <= 2 ? 'large' : count <= 6 ? 'medium' : 'small');

export interface WallSplit<T> {
  readonly shown: readonly T[];
  readonly hidden: readonly T[];
}

/** The first twelve (in the order given: byUrgency on the wall) are shown; the rest are hidden. */
export function splitForWall<T>(incidents: readonly T[]): WallSplit<T> {
  return { shown: incidents.slice(0, WALL_MAX_TILES), hidden: incidents.slice(WALL_MAX_TILES) };
}

/** The hidden incidents' numbers named on the summary line, at most this many (then "…"). */
export const HIDDEN_NUMBERS_NAMED = 15;

/** The numbers of the first hidden incidents, in the order given; the rest as "…". */
export function namedNumbers<T>(hidden: readonly T[], name: (incident: T) => string, separator: string): string {
  const named = hidden.slice(0, HIDDEN_NUMBERS_NAMED).map(name).join(separator);
  return hidden.length > HIDDEN_NUMBERS_NAMED ? `${named}${separator}…` : named;
}
