/**
 * The board's one alarm horn, made with Web Audio: no sound files, no network.
 *
 * The decision of what sounds when is pure (hornTone, hornSegments) and tested on its own; the
 * HornPlayer only turns those segments into OscillatorNodes a little ahead of time, the usual
 * look-ahead scheduling of Web Audio, so a busy main thread does not make the horn stutter.
 */

/** 'urgent' for levels I–II, 'normal' for III–IV (core/selectors.ts hornPattern). */
export type HornPattern = 'urgent' | 'normal';

/** One tone, in milliseconds from the start of the pattern. */
export interface ToneSegment {
  readonly start: number;
  readonly end: number;
  readonly frequency: number;
}

interface PatternShape {
  readonly periodMs: number;
  readonly tones: readonly ToneSegment[];
}

/**
 * urgent: a fast two-tone (hi–lo), 4 tones a second, never a pause long enough to miss it;
 * normal: a slow single beep, half a second every two seconds.
 */
export const HORN_PATTERNS: Readonly<Record<HornPattern, PatternShape>> = {
  urgent: {
    periodMs: 500,
    tones: [
      { start: 0, end: 230, frequency: 960 },
      { start: 250, end: 480, frequency: 770 },
    ],
  },
  normal: {
    periodMs: 2000,
    tones: [{ start: 0, end: 500, frequency: 660 }],
  },
};

export type Tone = { readonly on: false } | { readonly on: true; readonly frequency: number };

const OFF: Tone = { on: false };

/** What the horn plays `elapsedMs` after the pattern started; nothing for no pattern. */
export function hornTone(pattern: HornPattern | null, elapsedMs: number): Tone {
  if (pattern === null || elapsedMs < 0) return OFF;
  const shape = HORN_PATTERNS[pattern];
  const offset = elapsedMs % shape.periodMs;
  const tone = shape.tones.find((t) => offset >= t.start && offset < t.end);
  return tone === undefined ? OFF : { on: true, frequency: tone.frequency };
}

/**
 * Every tone that starts in [fromMs, toMs) of the pattern's time, in order. A scheduler that asks
 * for consecutive windows gets every tone exactly once.
 */
export function hornSegments(pattern: HornPattern, fromMs: number, toMs: number): ToneSegment[] {
  const shape = HORN_PATTERNS[pattern];
  const segments: ToneSegment[] = [];
  if (toMs <= fromMs) return segments;
  const firstPeriod = Math.floor(Math.max(0, fromMs) / shape.periodMs);
  for (let period = firstPeriod; period * shape.periodMs < toMs; period += 1) {
    const base = period * shape.periodMs;
    for (const tone of shape.tones) {
      const start = base + tone.start;
      if (start >= fromMs && start < toMs) segments.push({ start, end: base + tone.end, frequency: tone.frequency });
    }
  }
  return segments;
}

/** How far ahead tones are handed to the audio thread, and how often the player looks again. */
export const LOOKAHEAD_MS = 600;
export const PUMP_EVERY_MS = 200;
/** Loud enough to be heard across a control room, below clipping. */
const VOLUME = 0.35;
/** Short ramps at each edge so tones do not click. */
const RAMP_S = 0.008;

/** The part of an AudioContext the player uses; tests pass a fake. */
export type HornAudioContext = Pick<BaseAudioContext, 'currentTime' | 'state' | 'destination' | 'createOscillator' | 'createGain'>;

export interface HornTimers {
  readonly setInterval: (callback: () => void, ms: number) => unknown;
  readonly clearInterval: (handle: unknown) => void;
}

const browserTimers: HornTimers = {
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * Plays one pattern at a time, whatever the number of alarms: setPattern(null) stops it. While
 * the context is suspended (the browser waits for a user gesture) nothing is queued; once it
 * runs, the pattern carries on from the present, not from a backlog.
 */
export class HornPlayer {
  private pattern: HornPattern | null = null;
  /** context time (s) at which the current pattern's time is 0 */
  private origin = 0;
  /** pattern time (ms) up to which tones are queued */
  private queuedUntil = 0;
  private readonly playing = new Set<OscillatorNode>();
  private timer: unknown = null;

  constructor(
    private readonly context: HornAudioContext,
    private readonly timers: HornTimers = browserTimers,
  ) {}

  get current(): HornPattern | null {
    return this.pattern;
  }

  setPattern(pattern: HornPattern | null): void {
    if (pattern === this.pattern) return;
    this.silenceNow();
    this.pattern = pattern;
    if (pattern === null) {
      this.stopTimer();
      return;
    }
    this.origin = this.context.currentTime;
    this.queuedUntil = 0;
    if (this.timer === null) this.timer = this.timers.setInterval(() => this.pump(), PUMP_EVERY_MS);
    this.pump();
  }

  /** Queues the tones of the next LOOKAHEAD_MS. Called by the player's own timer. */
  pump(): void {
    if (this.pattern === null || this.context.state !== 'running') return;
    const elapsed = (this.context.currentTime - this.origin) * 1000;
    // After a suspension the backlog is dropped: the horn goes on from now.
    const from = Math.max(this.queuedUntil, elapsed);
    const until = elapsed + LOOKAHEAD_MS;
    for (const segment of hornSegments(this.pattern, from, until)) this.play(segment);
    this.queuedUntil = Math.max(this.queuedUntil, until);
  }

  dispose(): void {
    this.setPattern(null);
  }

  private play(segment: ToneSegment): void {
    const start = this.origin + segment.start / 1000;
    const end = this.origin + segment.end / 1000;
    const oscillator = this.context.createOscillator();
    oscillator.type = 'square';
    oscillator.frequency.setValueAtTime(segment.frequency, start);
    const gain = this.context.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(VOLUME, start + RAMP_S);
    gain.gain.setValueAtTime(VOLUME, end - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(gain);
    gain.connect(this.context.destination);
    this.playing.add(oscillator);
    oscillator.onended = () => {
      this.playing.delete(oscillator);
      oscillator.disconnect();
      gain.disconnect();
    };
    oscillator.start(start);
    oscillator.stop(end);
  }

  private silenceNow(): void {
    for (const oscillator of this.playing) {
      oscillator.onended = null;
      try {
        oscillator.stop();
      } catch {
        // already stopped: nothing to do
      }
      oscillator.disconnect();
    }
    this.playing.clear();
  }

  private stopTimer(): void {
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
  }
}
