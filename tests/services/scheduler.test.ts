import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../electron/core/events.js';
import { CommandBus } from '../../electron/services/command-bus.js';
import { Journal } from '../../electron/services/journal.js';
import { createLogger } from '../../electron/services/logger.js';
import { Scheduler } from '../../electron/services/scheduler.js';
import { raise } from '../helpers/commands.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { until } from '../helpers/wait.js';

const tempDir = useTempDirs();
const MINUTE = 60_000;
const quietLog = createLogger(() => {});

/** A wall clock the test can move, running at real speed in between. */
function movableClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, jump: (ms: number) => (offset += ms) };
}

async function openServices(dir: string, wall: () => number, options: { watchdogMs?: number } = {}) {
  const opened = await Journal.open(dir);
  const bus = new CommandBus(opened.journal, opened.state, { clock: wall, defaultActor: () => 'tester' });
  const seen: DomainEvent[] = [];
  bus.subscribe(bus.state.seq, (m) => {
    if (m.kind === 'events') seen.push(...m.events);
  });
  const scheduler = new Scheduler({ bus, log: quietLog, wallClock: wall, watchdogMs: options.watchdogMs ?? 20 });
  await scheduler.start();
  return {
    bus,
    seen,
    close: async () => {
      scheduler.stop();
      await opened.journal.close();
    },
  };
}

const ofType = (events: DomainEvent[], type: DomainEvent['type']) => events.filter((e) => e.type === type);

describe('scheduler', () => {
  it('fires once at start-up what fell due while the app was down, and not again', async () => {
    const dir = await tempDir();
    const clock = movableClock();
    const first = await openServices(dir, clock.now);
    await first.bus.execute(raise({ incidentId: 'fire-1', level: 'I' })); // tier 0 has 2 minutes
    await first.close();

    clock.jump(30 * MINUTE); // down for half an hour: many tier timeouts passed
    const second = await openServices(dir, clock.now);
    const escalations = ofType(second.seen, 'escalated');
    expect(escalations).toEqual([expect.objectContaining({ incidentId: 'fire-1', fromTier: 0, toTier: 1, manual: false })]);
    await second.close();

    const third = await openServices(dir, clock.now);
    expect(ofType(third.seen, 'escalated')).toEqual([]);
    expect(third.bus.state.incidents['fire-1']?.alarm.tier).toBe(1);
    await third.close();
  });

  it('ticks at once when the wall clock jumps forward (or the machine wakes from sleep)', async () => {
    const dir = await tempDir();
    const clock = movableClock();
    const services = await openServices(dir, clock.now);
    await services.bus.execute(raise({ incidentId: 'fire-1', level: 'I' }));
    clock.jump(3 * MINUTE);
    await until(() => ofType(services.seen, 'escalated').length > 0);
    expect(ofType(services.seen, 'escalated')).toHaveLength(1);
    await services.close();
  });

  it('keeps the remaining time of relative timers when the wall clock jumps back', async () => {
    const dir = await tempDir();
    const clock = movableClock();
    const services = await openServices(dir, clock.now);
    await services.bus.execute(raise({ incidentId: 'fire-1', level: 'I' }));
    const before = services.bus.state.incidents['fire-1']!.alarm.nextEscalationAt!;
    clock.jump(-60 * MINUTE);
    await until(() => ofType(services.seen, 'clockJumped').length > 0);
    const jump = ofType(services.seen, 'clockJumped')[0] as Extract<DomainEvent, { type: 'clockJumped' }>;
    expect(jump.deltaMs).toBeLessThan(-59 * MINUTE);
    expect(services.bus.state.incidents['fire-1']!.alarm.nextEscalationAt).toBe(before + jump.deltaMs);
    expect(ofType(services.seen, 'escalated')).toEqual([]);
    await services.close();
  });

  it('fires 1,000 staggered escalation timers each exactly once', async () => {
    const dir = await tempDir();
    const services = await openServices(dir, Date.now);
    const policy = {
      tiers: [
        { role: 'dutyOfficer', ackTimeoutMs: 1000, repeat: 0 },
        { role: 'dutyHead', ackTimeoutMs: 24 * 60 * MINUTE, repeat: 0 },
      ],
      reminderMs: null,
    };
    await services.bus.execute({ type: 'setPolicy', level: 'IV', policy });
    for (let i = 0; i < 1000; i += 1) {
      const result = await services.bus.execute(raise({ incidentId: `s-${i}`, level: 'IV' }));
      expect(result.ok).toBe(true);
    }
    await until(() => ofType(services.seen, 'escalated').length >= 1000, 20_000);
    const escalated = ofType(services.seen, 'escalated');
    expect(new Set(escalated.map((e) => e.incidentId)).size).toBe(1000);
    // fired after, never before, the instant it was due
    for (const event of escalated) {
      const raised = services.bus.state.incidents[event.incidentId!]!.raisedAt;
      expect(event.at).toBeGreaterThanOrEqual(raised + 1000);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ofType(services.seen, 'escalated')).toHaveLength(1000);
    await services.close();
  }, 60_000);
});
