import type { Level } from '../../../electron/core/incident/levels.js';
import { useMessages } from '../../i18n/useMessages.js';

/**
 * Colour and words together: the colour is never the only cue. The national names (特别重大…一般)
 * belong to the four-level scheme; a three-level company plan shows the level alone.
 */
export function LevelBadge({ level, scheme }: { level: Level; scheme: 'four' | 'three' }) {
  const t = useMessages();
  return (
    <span className={`level-badge level-badge--${level}`}>
      {t.levelText(level)}
      {scheme === 'four' && ` ${t.levelNames[level]}`}
    </span>
  );
}
