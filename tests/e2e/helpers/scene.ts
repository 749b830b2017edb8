import type { RunningHost } from './host.js';
import { postCommand, seedRoster } from './plans.js';

export type Lang = 'zh-CN' | 'en';

const TEXT = {
  'zh-CN': {
    fire: ['三号仓库起火', '三号仓库二区', '货架冒烟，已有明火'],
    injury: ['脚手架高处坠落一人', '四号工地 C 栋'],
    outage: ['东区营业网点停电（演练）', '东区营业网点'],
    complaint: ['柜台多名客户投诉手续费', '营业大厅'],
    forklift: ['叉车液压油泄漏', '一号码头'],
    note: '消防车预计 8 分钟到达',
    operator: '王芳',
  },
  en: {
    fire: ['Fire in warehouse 3', 'Warehouse 3, bay 2', 'Smoke from the racks, open flames seen'],
    injury: ['Worker fell from scaffold', 'Site 4, block C'],
    outage: ['East branch power failure (exercise)', 'East branch'],
    complaint: ['Customers complain about a fee at the counter', 'Main hall'],
    forklift: ['Forklift hydraulic leak', 'Dock 1'],
    note: 'Fire brigade expected in 8 minutes',
    operator: 'Wang Fang',
  },
} as const;

/** A morning on the board: a fire being worked, an injury waiting, a drill, a complaint, a minor leak. */
export async function setScene(host: RunningHost, lang: Lang): Promise<string> {
  const x = TEXT[lang];
  const actor = x.operator;
  await seedRoster(host);
  const fire = await postCommand(host, {
    type: 'raiseIncident',
    actor,
    incidentType: 'fire',
    level: 'II',
    title: x.fire[0],
    location: x.fire[1],
    details: x.fire[2],
  });
  const id = fire.incidentId;
  await postCommand(host, { type: 'recordCall', actor, incidentId: id, number: '119', name: lang === 'en' ? 'Fire' : '火警' });
  await postCommand(host, { type: 'checkStep', actor, incidentId: id, stepId: 'call-119' });
  await postCommand(host, { type: 'checkStep', actor, incidentId: id, stepId: 'report' });
  await postCommand(host, { type: 'assignRole', actor, incidentId: id, position: 'commander', personId: 'li-wei' });
  await postCommand(host, { type: 'assignRole', actor, incidentId: id, position: 'rescueGroup', personId: 'chen-jie' });
  await postCommand(host, { type: 'acknowledge', actor, incidentId: id });
  await postCommand(host, { type: 'addNote', actor, incidentId: id, text: x.note });
  await postCommand(host, {
    type: 'raiseIncident',
    actor,
    incidentType: 'fall-from-height',
    level: 'III',
    title: x.injury[0],
    location: x.injury[1],
  });
  await postCommand(host, {
    type: 'raiseIncident',
    actor,
    incidentType: 'power-outage',
    level: 'III',
    title: x.outage[0],
    location: x.outage[1],
    drill: true,
  });
  const complaint = await postCommand(host, {
    type: 'raiseIncident',
    actor,
    incidentType: 'customer-complaint',
    level: 'III',
    title: x.complaint[0],
    location: x.complaint[1],
  });
  await postCommand(host, { type: 'acknowledge', actor, incidentId: complaint.incidentId });
  await postCommand(host, {
    type: 'raiseIncident',
    actor,
    incidentType: 'equipment-accident',
    level: 'IV',
    title: x.forklift[0],
    location: x.forklift[1],
  });
  return id;
}
