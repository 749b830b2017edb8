import type { IncidentType } from './catalogue.js';
import { HOUR, MINUTE, type DeadlineRule } from './plan-schemas.js';

/**
 * The shipped plan catalogue, written for this product from the facts in DOMAIN.md. Ids are
 * stable: journaled events refer to them. Sites edit or import their own in the app.
 */

const step = (id: string, zh: string, en: string, role: IncidentType['checklist'][number]['role'] = null, dials: IncidentType['checklist'][number]['dials'] = null) => ({
  id,
  text: { 'zh-CN': zh, en },
  role,
  dials,
});

const clock = (id: string, zh: string, en: string, amount: number): DeadlineRule => ({
  id,
  name: { 'zh-CN': zh, en },
  from: 'raised',
  calendar: 'clock',
  amount,
  levels: null,
});

/** "Immediately" in the plans; five minutes is when a board should start to nag. */
const reportUnitHead = clock('report-unit-head', '报告单位负责人', 'Report to the unit head', 5 * MINUTE);
const reportBureau = clock('report-bureau', '报告县级应急管理部门', 'Report to the county emergency management bureau', HOUR);

export const DEFAULT_CATALOGUE: readonly IncidentType[] = [
  {
    id: 'fire',
    family: 'fire',
    name: { 'zh-CN': '火灾', en: 'Fire' },
    levelScheme: 'four',
    defaultLevel: 'II',
    levelGuide: 'accidentGrades',
    checklist: [
      step('report', '向值班负责人和单位负责人报告', 'Report to the duty head and the unit head', 'dutyOfficer'),
      step('call-119', '拨打119报火警，说明地点、燃烧物和有无被困人员', 'Call 119: place, what is burning, anyone trapped', 'dutyOfficer', '119'),
      step('cut-power', '切断着火区域电源', 'Cut the power to the burning area', 'onSiteLead'),
      step('first-attack', '初起火灾用灭火器、沙土或水扑救；电气火灾只用干粉', 'Fight an early fire with extinguishers, sand or water; dry powder only on electrical fires', 'rescueGroup'),
      step('evacuate', '组织人员疏散到集合点并清点人数', 'Evacuate to the assembly point and count heads', 'securityGroup'),
      step('guide-brigade', '派人到路口接应并引导消防车，服从消防队指挥', 'Meet and guide the fire brigade; work under its command', 'securityGroup'),
      step('keep-scene', '保护现场，配合事故调查', 'Preserve the scene for the investigation', 'safetyOfficer'),
    ],
    rolesToFill: ['commander', 'onSiteLead', 'rescueGroup', 'securityGroup'],
    deadlines: [reportUnitHead, reportBureau],
    escalation: {},
    contacts: [],
  },
  {
    id: 'injury',
    family: 'safety',
    name: { 'zh-CN': '人身伤害', en: 'Injury' },
    levelScheme: 'four',
    defaultLevel: 'III',
    levelGuide: 'accidentGrades',
    checklist: [
      step('report', '向值班负责人和单位负责人报告', 'Report to the duty head and the unit head', 'dutyOfficer'),
      step('call-120', '拨打120或联系医院救护', 'Call 120 or the hospital rescue team', 'dutyOfficer', '120'),
      step('first-aid', '按伤情急救：出血加压包扎，骨折固定勿移动，烧烫伤冷水冲洗至少30分钟，昏迷者保持通风并做心肺复苏', 'First aid by injury: press on bleeding, keep fractures still, cool burns with water for 30 minutes or more, fresh air and CPR if unconscious', 'medicalGroup'),
      step('escort', '派人护送伤者就医', 'Escort the injured to hospital', 'medicalGroup'),
      step('keep-scene', '保护现场，记录经过', 'Preserve the scene and write down what happened', 'safetyOfficer'),
    ],
    rolesToFill: ['onSiteLead', 'medicalGroup'],
    deadlines: [reportUnitHead, reportBureau],
    escalation: {},
    contacts: [],
  },
  {
    id: 'equipment-accident',
    family: 'safety',
    name: { 'zh-CN': '设备事故', en: 'Equipment accident' },
    levelScheme: 'four',
    defaultLevel: 'III',
    levelGuide: 'accidentGrades',
    checklist: [
      step('report', '向值班负责人报告', 'Report to the duty head', 'dutyOfficer'),
      step('stop', '立即停机', 'Stop the machine at once', 'onSiteLead'),
      step('watch', '派专人看守现场', 'Post someone to watch the machine', 'onSiteLead'),
      step('isolate', '按隔离和停送电确认程序操作，严禁冒险抢修', 'Follow the isolation and power off/on confirmation procedure; no risky repairs', 'expertGroup'),
    ],
    rolesToFill: ['onSiteLead', 'expertGroup'],
    deadlines: [reportUnitHead, reportBureau],
    escalation: {},
    contacts: [],
  },
  {
    id: 'power-outage',
    family: 'facility',
    name: { 'zh-CN': '停电', en: 'Power outage' },
    levelScheme: 'three',
    defaultLevel: 'III',
    levelGuide: null,
    checklist: [
      step('ask-utility', '联系供电公司，问明原因和恢复时间', 'Ask the power company for the cause and when power returns', 'dutyOfficer'),
      step('inform', '通知科技、办公室和保卫部门', 'Tell IT, the office and security', 'liaison'),
      step('ups', '检查UPS，关闭非必要负载', 'Check the UPS and shed non-essential load', 'logisticsGroup'),
      step('generator', '停电超过2小时申请发电车', 'Request a generator if power is not back within 2 hours', 'logisticsGroup'),
      step('double-posting', '来电后核对中断的交易，防止重复记账', 'When power returns, check interrupted transactions for double posting', 'expertGroup'),
      step('customers', '向客户说明情况', 'Keep customers informed', 'dutyHead'),
    ],
    rolesToFill: ['dutyHead', 'logisticsGroup'],
    deadlines: [clock('request-generator', '申请发电车', 'Request a generator', 2 * HOUR)],
    escalation: {},
    contacts: [],
  },
  {
    id: 'customer-complaint',
    family: 'service',
    name: { 'zh-CN': '客户投诉', en: 'Customer complaint' },
    levelScheme: 'three',
    defaultLevel: 'III',
    levelGuide: 'complaint',
    checklist: [
      step('listen', '耐心倾听，让客户把话说完', 'Listen and let the customer speak', 'dutyOfficer'),
      step('record', '记录投诉内容和联系方式', 'Write down the complaint and how to reach the customer', 'dutyOfficer'),
      step('facts', '核实事实；确有过错的先致歉', 'Find the facts; apologise where we are at fault', 'dutyHead'),
      step('remedy', '在权限内商定解决办法，超出权限的上报', 'Agree a remedy within your authority, or escalate', 'dutyHead'),
      step('reply', '在时限内答复客户并告知进展', 'Reply within the time limits and keep the customer informed', 'liaison'),
    ],
    rolesToFill: ['dutyHead'],
    deadlines: [
      clock('acknowledge-complaint', '受理并答复客户', 'Acknowledge to the customer', 24 * HOUR),
      { id: 'close-complaint', name: { 'zh-CN': '办结投诉', en: 'Close the complaint' }, from: 'raised', calendar: 'workingDays', amount: 3, levels: null },
    ],
    escalation: {},
    contacts: [],
  },
  {
    id: 'system-alarm',
    family: 'external',
    name: { 'zh-CN': '系统报警', en: 'System alarm' },
    levelScheme: 'four',
    defaultLevel: 'III',
    levelGuide: null,
    checklist: [
      step('check', '查看报警来源，确认是否真实', 'Check the source of the alarm and whether it is real', 'dutyOfficer'),
      step('decide', '真实报警时转为相应的事件类型处理', 'If real, handle it under the matching incident type', 'dutyHead'),
    ],
    rolesToFill: [],
    deadlines: [],
    escalation: {},
    contacts: [],
  },
];
