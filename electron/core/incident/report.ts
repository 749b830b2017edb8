import { z } from 'zod';
import { readableText } from '../contract/clean-text.js';

/** The six fields of an accident report (Order 493, Art. 12). */
export const REPORT_FIELDS = ['unit', 'timePlace', 'account', 'casualties', 'measures', 'other'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export const reportSchema = z.strictObject(
  Object.fromEntries(REPORT_FIELDS.map((f) => [f, readableText().max(8000).default('')])) as Record<ReportField, z.ZodDefault<z.ZodString>>,
);
export type AccidentReport = z.output<typeof reportSchema>;

export const REPORT_FIELD_NAMES: Readonly<Record<ReportField, { readonly 'zh-CN': string; readonly en: string }>> = {
  unit: { 'zh-CN': '事故发生单位概况', en: 'The unit (name, address, nature)' },
  timePlace: { 'zh-CN': '事故发生的时间、地点以及现场情况', en: 'Time, place and scene' },
  account: { 'zh-CN': '事故的简要经过', en: 'Short account' },
  casualties: { 'zh-CN': '伤亡人数和初步估计的直接经济损失', en: 'Casualties and estimated direct loss' },
  measures: { 'zh-CN': '已经采取的措施', en: 'Measures already taken' },
  other: { 'zh-CN': '其他应当报告的情况', en: 'Anything else to report' },
};
