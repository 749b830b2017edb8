import type { Level } from './levels.js';

/**
 * The small starter catalogue of incident types. The full plan catalogue (checklists, roles,
 * deadlines, escalation policies) replaces this in a later issue; ids must stay stable because
 * journaled events refer to them.
 */
export interface IncidentTypeInfo {
  readonly id: string;
  readonly family: 'safety' | 'facility' | 'service';
  readonly defaultLevel: Level;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
}

export const DEFAULT_CATALOGUE: readonly IncidentTypeInfo[] = [
  { id: 'fire', family: 'safety', defaultLevel: 'II', name: { 'zh-CN': '火灾', en: 'Fire' } },
  { id: 'injury', family: 'safety', defaultLevel: 'III', name: { 'zh-CN': '人身伤害', en: 'Injury' } },
  {
    id: 'equipment-accident',
    family: 'safety',
    defaultLevel: 'III',
    name: { 'zh-CN': '设备事故', en: 'Equipment accident' },
  },
  { id: 'power-outage', family: 'facility', defaultLevel: 'III', name: { 'zh-CN': '停电', en: 'Power outage' } },
  {
    id: 'customer-complaint',
    family: 'service',
    defaultLevel: 'IV',
    name: { 'zh-CN': '客户投诉', en: 'Customer complaint' },
  },
  {
    id: 'system-alarm',
    family: 'facility',
    defaultLevel: 'III',
    name: { 'zh-CN': '系统报警', en: 'System alarm' },
  },
];

export const isKnownType = (id: string): boolean => DEFAULT_CATALOGUE.some((t) => t.id === id);

export const incidentTypeIds = (catalogue: readonly IncidentTypeInfo[]): string[] => catalogue.map((t) => t.id);
