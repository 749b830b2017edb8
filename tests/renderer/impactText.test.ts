import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, findType } from '../../electron/core/plan/catalogue.js';
import { NO_IMPACT, type Impact } from '../../electron/core/incident/impact.js';
import { MESSAGES } from '../../renderer/i18n/messages.js';
import { formatYuan, impactSummary, proposeLevel } from '../../renderer/views/incident/impactText.js';

const impact = (change: Partial<Impact>): Impact => ({ ...NO_IMPACT, ...change });
const type = (id: string) => findType(DEFAULT_CATALOGUE, id);

describe("level proposals by the type's thresholds", () => {
  it('grades accidents by deaths with the missing, serious injuries and loss; the highest wins', () => {
    const fire = type('fire');
    expect(proposeLevel(fire, NO_IMPACT, MESSAGES.en, 'en')).toEqual({ level: 'IV', because: [] });
    expect(proposeLevel(fire, impact({ dead: 2, missing: 1 }), MESSAGES.en, 'en')).toEqual({
      level: 'III',
      because: ['3 dead or missing'],
    });
    expect(proposeLevel(fire, impact({ seriouslyInjured: 50, directLossYuan: 60_000_000 }), MESSAGES.en, 'en')).toEqual({
      level: 'II',
      because: ['50 seriously injured', 'direct loss CN¥60,000,000'],
    });
    expect(proposeLevel(fire, impact({ dead: 30, seriouslyInjured: 10 }), MESSAGES['zh-CN'], 'zh-CN')).toEqual({
      level: 'I',
      because: ['死亡和失踪 30 人'],
    });
  });

  it('grades complaints by complainants, media, regulator, agitation and blocking', () => {
    const complaint = type('customer-complaint');
    expect(proposeLevel(complaint, NO_IMPACT, MESSAGES.en, 'en')).toEqual({ level: 'III', because: [] });
    expect(proposeLevel(complaint, impact({ complainants: 4 }), MESSAGES.en, 'en')).toEqual({ level: 'III', because: ['4 complainants'] });
    expect(proposeLevel(complaint, impact({ media: 'city', agitated: true }), MESSAGES.en, 'en')).toEqual({
      level: 'II',
      because: ['media: City media'],
    });
    expect(proposeLevel(complaint, impact({ regulatorInvolved: true, blockingOrThreat: true }), MESSAGES['zh-CN'], 'zh-CN')).toEqual({
      level: 'I',
      because: ['堵门或扬言暴力'],
    });
  });

  it('proposes nothing for a type without thresholds', () => {
    expect(proposeLevel(type('power-outage'), impact({ dead: 40 }), MESSAGES.en, 'en')).toBeNull();
    expect(proposeLevel(undefined, NO_IMPACT, MESSAGES.en, 'en')).toBeNull();
  });

  it('keeps a proposal inside a three-level scheme', () => {
    const threeLevelAccident = { ...type('fire')!, levelScheme: 'three' as const, defaultLevel: 'II' as const };
    expect(proposeLevel(threeLevelAccident, NO_IMPACT, MESSAGES.en, 'en')?.level).toBe('III');
  });
});

describe('impact in words', () => {
  it("formats yuan with the language's grouping", () => {
    expect(formatYuan(1_250_000, 'zh-CN')).toBe('¥1,250,000');
    expect(formatYuan(1_250_000, 'en')).toBe('CN¥1,250,000');
  });

  it('summarises the measures, and complaint facts only when there are any', () => {
    expect(impactSummary(impact({ dead: 1, injured: 3 }), MESSAGES['zh-CN'], 'zh-CN')).toBe(
      '死亡 1，失踪 0，受伤 3，其中重伤 0，直接经济损失（元） ¥0',
    );
    expect(impactSummary(impact({ complainants: 6, media: 'provincial', agitated: true }), MESSAGES.en, 'en')).toBe(
      'Dead 0, Missing 0, Injured 0, of whom seriously 0, Direct loss (¥) CN¥0, Complainants 6, Media attention Provincial or national media, Customer agitated',
    );
  });
});
