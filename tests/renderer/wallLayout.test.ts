import { describe, expect, it } from 'vitest';
import type { Level } from '../../electron/core/incident/levels.js';
import {
  HIDDEN_NUMBERS_NAMED,
  namedNumbers,
  splitForWall,
  wallDensity,
  wallGrid,
  WALL_MAX_TILES,
} from '../../renderer/views/wall/wallLayout.js';
import { viewModeOf } from '../../renderer/views/wall/viewMode.js';

describe('the wall grid', () => {
  it('has a cell for every tile up to twelve, never more than one empty row, and stays landscape', () => {
    for (let n = 1; n <= WALL_MAX_TILES; n++) {
      const { columns, rows } = wallGrid(n);
      expect(columns * rows).toBeGreaterThanOrEqual(n);
      expect(columns * (rows - 1)).toBeLessThan(n);
      expect(columns).toBeGreaterThanOrEqual(rows);
    }
    expect(wallGrid(12)).toEqual({ columns: 4, rows: 3 });
    expect(wallGrid(40)).toEqual({ columns: 4, rows: 3 });
    expect(wallGrid(0)).toEqual({ columns: 1, rows: 1 });
  });

  it('uses larger type for fewer tiles', () => {
    expect([1, 2, 3, 6, 7, 12].map(wallDensity)).toEqual(['large', 'large', 'medium', 'medium', 'small', 'small']);
  });

  it('shows the first twelve and names the numbers of the rest, up to a limit', () => {
    const levels: Level[] = ['I', 'I', 'II', 'II', 'II', 'III', 'III', 'III', 'III', 'IV', 'IV', 'IV', 'II', 'II', 'III'];
    const incidents = levels.map((level, i) => ({ id: `inc-${i}`, level }));
    const { shown, hidden } = splitForWall(incidents);
    expect(shown).toHaveLength(12);
    expect(hidden.map((i) => i.id)).toEqual(['inc-12', 'inc-13', 'inc-14']);
    expect(namedNumbers(hidden, (i) => i.id, ', ')).toBe('inc-12, inc-13, inc-14');
    expect(namedNumbers([], (i: { id: string }) => i.id, ', ')).toBe('');
    const many = Array.from({ length: HIDDEN_NUMBERS_NAMED + 3 }, (_, i) => i + 1);
    expect(namedNumbers(many, String, ' ').split(' ')).toHaveLength(HIDDEN_NUMBERS_NAMED + 1);
    expect(namedNumbers(many, String, ' ').endsWith(' …')).toBe(true);
    expect(splitForWall(incidents.slice(0, 3)).hidden).toEqual([]);
  });

  it('is chosen by ?view=wall', () => {
    expect(viewModeOf('?view=wall')).toBe('wall');
    expect(viewModeOf('?lang=en&view=wall&token=x')).toBe('wall');
    expect(viewModeOf('')).toBe('console');
    expect(viewModeOf('?view=console')).toBe('console');
  });
});
