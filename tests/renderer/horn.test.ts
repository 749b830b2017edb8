import { describe, expect, it } from 'vitest';
import { HORN_PATTERNS, HornPlayer, hornSegments, hornTone, LOOKAHEAD_MS, type HornTimers } from '../../renderer/audio/horn.js';

describe('hornTone: what sounds at a moment of the pattern', () => {
  it('is silent with no pattern, and before the pattern starts', () => {
    expect(hornTone(null, 0)).toEqual({ on: false });
    expect(hornTone(null, 12_345)).toEqual({ on: false });
    expect(hornTone('urgent', -1)).toEqual({ on: false });
  });

  it('urgent (levels I–II) is a fast two-tone: high, low, high, low… four tones a second', () => {
    expect(hornTone('urgent', 0)).toEqual({ on: true, frequency: 960 });
    expect(hornTone('urgent', 100)).toEqual({ on: true, frequency: 960 });
    expect(hornTone('urgent', 240)).toEqual({ on: false });
    expect(hornTone('urgent', 300)).toEqual({ on: true, frequency: 770 });
    expect(hornTone('urgent', 500)).toEqual({ on: true, frequency: 960 });
    expect(hornTone('urgent', 10_800)).toEqual({ on: true, frequency: 770 });
    // Never silent for longer than a blink.
    const silentMs = Array.from({ length: 1000 }, (_, ms) => hornTone('urgent', ms)).filter((tone) => !tone.on).length;
    expect(silentMs).toBeLessThanOrEqual(100);
  });

  it('normal (levels III–IV) is a slow single beep: half a second every two seconds', () => {
    expect(hornTone('normal', 0)).toEqual({ on: true, frequency: 660 });
    expect(hornTone('normal', 499)).toEqual({ on: true, frequency: 660 });
    expect(hornTone('normal', 500)).toEqual({ on: false });
    expect(hornTone('normal', 1999)).toEqual({ on: false });
    expect(hornTone('normal', 2000)).toEqual({ on: true, frequency: 660 });
  });

  it('the two patterns are told apart by ear: different pitches and different rhythm', () => {
    const pitches = (p: 'urgent' | 'normal') => new Set(HORN_PATTERNS[p].tones.map((t) => t.frequency));
    expect([...pitches('urgent')].some((f) => pitches('normal').has(f))).toBe(false);
    expect(pitches('urgent').size).toBe(2);
    expect(HORN_PATTERNS.urgent.periodMs).toBeLessThan(HORN_PATTERNS.normal.periodMs);
  });
});

describe('hornSegments: the tones a scheduler hands to the audio thread', () => {
  it('lists every tone that starts in the window, in order', () => {
    expect(hornSegments('urgent', 0, 1000)).toEqual([
      { start: 0, end: 230, frequency: 960 },
      { start: 250, end: 480, frequency: 770 },
      { start: 500, end: 730, frequency: 960 },
      { start: 750, end: 980, frequency: 770 },
    ]);
    expect(hornSegments('normal', 1000, 4500)).toEqual([
      { start: 2000, end: 2500, frequency: 660 },
      { start: 4000, end: 4500, frequency: 660 },
    ]);
  });

  it('consecutive windows give each tone exactly once, whatever the window sizes', () => {
    const steps = [1, 137, 250, 600, 3, 999, 2000, 61, 480, 20];
    for (const pattern of ['urgent', 'normal'] as const) {
      const pieces: ReturnType<typeof hornSegments> = [];
      for (let from = 0, i = 0; from < 20_000; i += 1) {
        const to = Math.min(20_000, from + steps[i % steps.length]!);
        pieces.push(...hornSegments(pattern, from, to));
        from = to;
      }
      expect(pieces).toEqual(hornSegments(pattern, 0, 20_000));
    }
  });

  it('an empty or backward window has nothing', () => {
    expect(hornSegments('urgent', 500, 500)).toEqual([]);
    expect(hornSegments('normal', 900, 100)).toEqual([]);
  });
});

/** Just enough of an AudioContext to see what the player asks of it. */
class FakeAudio {
  currentTime = 0;
  state: AudioContextState = 'running';
  readonly destination = {} as AudioDestinationNode;
  readonly oscillators: FakeOscillator[] = [];

  createOscillator(): OscillatorNode {
    const oscillator = new FakeOscillator();
    this.oscillators.push(oscillator);
    return oscillator as unknown as OscillatorNode;
  }

  createGain(): GainNode {
    const param = { setValueAtTime: () => param, linearRampToValueAtTime: () => param };
    return { gain: param, connect: () => undefined, disconnect: () => undefined } as unknown as GainNode;
  }

  /** tones that would be heard between two context times (s) */
  audibleBetween(from: number, to: number): FakeOscillator[] {
    return this.oscillators.filter((o) => o.startAt !== null && o.startAt < to && (o.stopAt ?? Infinity) > from);
  }
}

class FakeOscillator {
  type = 'sine';
  frequencyValue = 0;
  startAt: number | null = null;
  stopAt: number | null = null;
  onended: (() => void) | null = null;
  readonly frequency = { setValueAtTime: (value: number) => (this.frequencyValue = value) };
  connect(): void {}
  disconnect(): void {}
  start(when: number): void {
    this.startAt = when;
  }
  stop(when?: number): void {
    // stop() without a time means now; the fake's now is whatever the test set.
    this.stopAt = when ?? this.now();
  }
  now: () => number = () => 0;
}

function setup(state: AudioContextState = 'running') {
  const audio = new FakeAudio();
  audio.state = state;
  const timers: { running: number; set: number } = { running: 0, set: 0 };
  const fakeTimers: HornTimers = {
    setInterval: () => {
      timers.running += 1;
      timers.set += 1;
      return timers.set;
    },
    clearInterval: () => {
      timers.running -= 1;
    },
  };
  const player = new HornPlayer(audio, fakeTimers);
  const originalCreate = audio.createOscillator.bind(audio);
  audio.createOscillator = () => {
    const node = originalCreate();
    (node as unknown as FakeOscillator).now = () => audio.currentTime;
    return node;
  };
  /** advances the context clock and lets the player's timer fire, as the browser would */
  const advance = (seconds: number) => {
    const step = 0.2;
    for (let t = 0; t < seconds - 1e-9; t += step) {
      audio.currentTime += step;
      player.pump();
    }
  };
  return { audio, player, timers, advance };
}

describe('HornPlayer: one horn for the whole board', () => {
  it('plays the pattern it is given, a little ahead of time, and nothing twice', () => {
    const { audio, player, advance } = setup();
    player.setPattern('normal');
    advance(6);
    const starts = audio.oscillators.map((o) => o.startAt);
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts).toEqual([0, 2, 4, 6]);
    expect(audio.oscillators.every((o) => o.frequencyValue === 660)).toBe(true);
    expect(audio.oscillators[0]?.stopAt).toBeCloseTo(0.5);
    // queued no further than the look-ahead
    expect(Math.max(...starts.map(Number))).toBeLessThanOrEqual(audio.currentTime + LOOKAHEAD_MS / 1000);
  });

  it('asking again for the pattern already playing changes nothing: ten alarms, one horn', () => {
    const { audio, player, timers, advance } = setup();
    player.setPattern('urgent');
    advance(1);
    const before = audio.oscillators.length;
    for (let i = 0; i < 10; i += 1) player.setPattern('urgent');
    expect(audio.oscillators.length).toBe(before);
    expect(timers.running).toBe(1);
    advance(1);
    // two tones every half second, never overlapping
    const sorted = audio.oscillators.map((o) => [o.startAt ?? 0, o.stopAt ?? 0] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]![0]).toBeGreaterThanOrEqual(sorted[i - 1]![1]);
  });

  it('switching from normal to urgent cuts the old pattern at once and starts the new one', () => {
    const { audio, player, advance } = setup();
    player.setPattern('normal');
    advance(1);
    player.setPattern('urgent');
    const switchedAt = audio.currentTime;
    const normal = audio.oscillators.filter((o) => o.frequencyValue === 660);
    expect(normal.every((o) => (o.stopAt ?? Infinity) <= switchedAt + 0.5)).toBe(true);
    advance(1);
    const urgent = audio.audibleBetween(switchedAt, switchedAt + 1);
    expect(new Set(urgent.map((o) => o.frequencyValue))).toEqual(new Set([960, 770]));
    expect(urgent.some((o) => o.frequencyValue === 660 && (o.stopAt ?? 0) > switchedAt + 1e-9)).toBe(false);
  });

  it('null stops every tone and the timer; nothing more is queued', () => {
    const { audio, player, timers, advance } = setup();
    player.setPattern('urgent');
    advance(1);
    player.setPattern(null);
    const stoppedAt = audio.currentTime;
    expect(audio.oscillators.every((o) => (o.stopAt ?? Infinity) <= stoppedAt + 0.5)).toBe(true);
    expect(audio.audibleBetween(stoppedAt + 0.01, stoppedAt + 100).filter((o) => (o.startAt ?? 0) > stoppedAt)).toEqual([]);
    const count = audio.oscillators.length;
    advance(3);
    expect(audio.oscillators.length).toBe(count);
    expect(timers.running).toBe(0);
  });

  it('queues nothing while the browser keeps audio suspended, then plays from the present, not a backlog', () => {
    const { audio, player, advance } = setup('suspended');
    player.setPattern('normal');
    advance(10);
    expect(audio.oscillators).toEqual([]);
    audio.state = 'running';
    player.pump();
    const starts = audio.oscillators.map((o) => o.startAt ?? 0);
    expect(starts.length).toBe(1);
    expect(starts[0]).toBeGreaterThanOrEqual(audio.currentTime - 1e-9);
  });
});
