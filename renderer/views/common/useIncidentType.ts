import { findType } from '../../../electron/core/plan/catalogue.js';
import { useBoard, useLanguage } from '../../store/context.js';

/**
 * How a type of incident is shown, read from the plan in force, which the mirror carries. The
 * selected type object stays the same until the catalogue changes, so nothing re-renders before.
 */
export function useIncidentTypeView(typeId: string): { name: string; scheme: 'four' | 'three' } {
  const language = useLanguage();
  const type = useBoard((s) => findType(s.board.plan.catalogue, typeId));
  // A type missing from the plan still shows, by its id; 'three' is for plans graded 一级/二级/三级,
  // whose levels do not carry the national names.
  return { name: type?.name[language] ?? typeId, scheme: type?.levelScheme ?? 'four' };
}
