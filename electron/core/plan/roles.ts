/** The escalation ladder of the plans: who is alerted, lowest first (DOMAIN.md). */
export const ESCALATION_ROLES = ['dutyOfficer', 'dutyHead', 'groupLeader', 'commander', 'authority'] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

export const ROLE_NAMES: Readonly<Record<EscalationRole, { readonly 'zh-CN': string; readonly en: string }>> = {
  dutyOfficer: { 'zh-CN': '值班员', en: 'Duty officer' },
  dutyHead: { 'zh-CN': '值班负责人', en: 'Duty head' },
  groupLeader: { 'zh-CN': '组长', en: 'Group leader' },
  commander: { 'zh-CN': '总指挥', en: 'Commander' },
  authority: { 'zh-CN': '上级主管部门', en: 'Outside authority' },
};
