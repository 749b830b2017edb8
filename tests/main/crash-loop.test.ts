import { describe, expect, it } from 'vitest';
import { CrashCounter, recordCrash } from '../../electron/main/crash-loop.js';

describe('crash-loop counting', () => {
  it('the first and second crash in a minute reload, the third is a loop', () => {
    const counter = new CrashCounter();
    expect(counter.record(0)).toBe('reload');
    expect(counter.record(10_000)).toBe('reload');
    expect(counter.record(59_999)).toBe('fallback');
  });

  it('crashes further apart than the window do not add up', () => {
    const counter = new CrashCounter();
    expect(counter.record(0)).toBe('reload');
    expect(counter.record(30_000)).toBe('reload');
    expect(counter.record(60_000)).toBe('reload'); // the first one is exactly a minute old: out
    expect(counter.record(89_999)).toBe('fallback');
    expect(counter.count(200_000)).toBe(0);
  });

  it('is pure: the times in, the times kept and the answer out', () => {
    expect(recordCrash([1, 2], 3)).toEqual({ times: [1, 2, 3], answer: 'fallback' });
    expect(recordCrash([1, 2], 3, { limit: 5, windowMs: 60_000 })).toEqual({ times: [1, 2, 3], answer: 'reload' });
    expect(recordCrash([1_000], 100_000)).toEqual({ times: [100_000], answer: 'reload' });
  });

  it('a clock that went back does not keep future crashes forever', () => {
    expect(recordCrash([500_000, 500_001], 1_000).times).toEqual([1_000]);
  });
});
