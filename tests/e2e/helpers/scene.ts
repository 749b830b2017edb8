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

/** A busy shift after the morning's five: alarms and reports that keep coming, in both languages. */
const MORE: readonly { readonly type: string; readonly level: 'I' | 'II' | 'III' | 'IV'; readonly 'zh-CN': string; readonly en: string }[] =
  [
    { type: 'system-alarm', level: 'III', 'zh-CN': '二号冷水机组高压报警', en: 'Chiller 2 high-pressure alarm' },
    {
      type: 'electric-shock',
      level: 'III',
      'zh-CN': '配电室维修工触电，意识清醒',
      en: 'Electrician shocked in the switch room, conscious',
    },
    { type: 'fire', level: 'IV', 'zh-CN': '食堂后厨油烟报警', en: 'Canteen kitchen smoke alarm' },
    { type: 'vehicle-incident', level: 'III', 'zh-CN': '厂区东门货车与叉车剐蹭', en: 'Lorry and forklift scrape at the east gate' },
    {
      type: 'poisoning',
      level: 'II',
      'zh-CN': '污水池检修两人疑似硫化氢中毒',
      en: 'Two workers suspected H2S poisoning at the sewage pit',
    },
    {
      type: 'bad-weather',
      level: 'III',
      'zh-CN': '暴雨预警：地下车库进水',
      en: 'Rainstorm warning: water entering the underground car park',
    },
    { type: 'system-alarm', level: 'IV', 'zh-CN': '三号楼门禁控制器离线', en: 'Building 3 access controller offline' },
    {
      type: 'collapse',
      level: 'II',
      'zh-CN': '原料仓库货架倒塌，一人被压',
      en: 'Racking collapsed in the raw materials store, one trapped',
    },
    { type: 'customer-complaint', level: 'III', 'zh-CN': '客户投诉送货延误三天', en: 'Customer complains of a three-day delivery delay' },
    { type: 'system-alarm', level: 'IV', 'zh-CN': '空压机房温度偏高', en: 'Compressor room temperature high' },
    { type: 'equipment-accident', level: 'III', 'zh-CN': '二号生产线传送带卡死', en: 'Conveyor jammed on production line 2' },
    { type: 'fire', level: 'III', 'zh-CN': '五号楼楼梯间烟感报警', en: 'Smoke detector in the stairwell of building 5' },
    { type: 'media-inspection', level: 'III', 'zh-CN': '记者在门口要求采访', en: 'A reporter at the gate asks for an interview' },
    { type: 'fall-from-height', level: 'IV', 'zh-CN': '装卸区一人从月台跌落', en: 'A worker fell from the loading dock' },
    { type: 'power-outage', level: 'III', 'zh-CN': '西区办公楼跳闸停电', en: 'West office block tripped, no power' },
  ];

/** Raises more incidents until `total` are on the board (after setScene's five). */
export async function addToScene(host: RunningHost, lang: Lang, from: number, total: number): Promise<void> {
  for (const item of MORE.slice(from - 5, total - 5)) {
    await postCommand(host, {
      type: 'raiseIncident',
      actor: TEXT[lang].operator,
      incidentType: item.type,
      level: item.level,
      title: item[lang],
    });
  }
}
