import { findType } from '../../electron/core/catalogue.js';
import { useBoard } from '../store/context.js';
import { selectLanguage } from '../store/selectors.js';

// Read from the plan in force, which the mirror carries. Each hook selects one plain value, so a
// component re-renders only when that value changes.

/** The type's name; a type missing from the plan still shows, by its id. */
export const useIncidentTypeName = (typeId: string): string =>
  useBoard((s) => findType(s.board.plan.catalogue, typeId)?.name[selectLanguage(s)] ?? typeId);

/** 'three' for plans graded 一级/二级/三级, whose levels do not carry the national names. */
export const useLevelScheme = (typeId: string): 'four' | 'three' =>
  useBoard((s) => findType(s.board.plan.catalogue, typeId)?.levelScheme ?? 'four');
