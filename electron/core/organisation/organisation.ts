/**
 * Positions of the emergency organisation (应急组织): the roles and the specialist groups a plan
 * asks to be filled for an incident. A person assigned to a group leads it for that incident.
 */
export const ORG_ROLES = ['commander', 'deputyCommander', 'onSiteLead', 'dutyOfficer', 'dutyHead', 'safetyOfficer', 'liaison'] as const;
export const ORG_GROUPS = [
  'commandGroup',
  'rescueGroup',
  'medicalGroup',
  'securityGroup',
  'logisticsGroup',
  'expertGroup',
  'mediaGroup',
  'aftermathGroup',
] as const;
export const POSITIONS = [...ORG_ROLES, ...ORG_GROUPS] as const;
export type Position = (typeof POSITIONS)[number];

export const POSITION_NAMES: Readonly<Record<Position, { readonly 'zh-CN': string; readonly en: string }>> = {
  commander: { 'zh-CN': '总指挥', en: 'Commander' },
  deputyCommander: { 'zh-CN': '副总指挥', en: 'Deputy commander' },
  onSiteLead: { 'zh-CN': '现场负责人', en: 'On-site lead' },
  dutyOfficer: { 'zh-CN': '值班员', en: 'Duty officer' },
  dutyHead: { 'zh-CN': '值班负责人', en: 'Duty head' },
  safetyOfficer: { 'zh-CN': '安全专管员', en: 'Safety officer' },
  liaison: { 'zh-CN': '联络员', en: 'Liaison' },
  commandGroup: { 'zh-CN': '指挥协调组', en: 'Command and coordination group' },
  rescueGroup: { 'zh-CN': '抢险救援组', en: 'Rescue group' },
  medicalGroup: { 'zh-CN': '医疗救护组', en: 'Medical group' },
  securityGroup: { 'zh-CN': '安全保卫组', en: 'Security and evacuation group' },
  logisticsGroup: { 'zh-CN': '后勤保障组', en: 'Logistics group' },
  expertGroup: { 'zh-CN': '技术专家组', en: 'Technical experts group' },
  mediaGroup: { 'zh-CN': '新闻发布组', en: 'Information and media group' },
  aftermathGroup: { 'zh-CN': '善后处理组', en: 'Aftermath group' },
};

/** Emergency numbers of mainland China: dialled at once, never waiting for escalation. */
export const EMERGENCY_NUMBERS = ['119', '110', '120', '122'] as const;
export type EmergencyNumber = (typeof EMERGENCY_NUMBERS)[number];

export const EMERGENCY_NUMBER_NAMES: Readonly<Record<EmergencyNumber, { readonly 'zh-CN': string; readonly en: string }>> = {
  '119': { 'zh-CN': '火警', en: 'Fire' },
  '110': { 'zh-CN': '报警', en: 'Police' },
  '120': { 'zh-CN': '急救', en: 'Ambulance' },
  '122': { 'zh-CN': '交通事故', en: 'Traffic accidents' },
};
