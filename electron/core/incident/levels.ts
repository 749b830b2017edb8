/** Response levels I (highest) to IV, as in national practice; see DOMAIN.md. */
export const LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type Level = (typeof LEVELS)[number];

/** 0 for I (most severe) up to 3 for IV: sorting ascending puts the gravest first. */
export const levelRank = (level: Level): number => LEVELS.indexOf(level);

export const isLowering = (from: Level, to: Level): boolean => levelRank(to) > levelRank(from);

export const LEVEL_COLOURS: Readonly<Record<Level, 'red' | 'orange' | 'yellow' | 'blue'>> = {
  I: 'red',
  II: 'orange',
  III: 'yellow',
  IV: 'blue',
};
