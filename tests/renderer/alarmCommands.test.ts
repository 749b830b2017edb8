import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../electron/core/contract/commands.js';
import { createBoardStore } from '../../renderer/store/boardStore.js';
import { FakeTransport } from './fakeTransport.js';

function online(operator = 'Li') {
  const transport = new FakeTransport();
  const store = createBoardStore(transport, { operator });
  transport.host.onConnection(true);
  return { transport, store };
}

describe('alarm actions of the store', () => {
  it('send the core commands, each valid by the contract, with the operator as actor', async () => {
    const { transport, store } = online();
    const s = store.getState();
    await s.silence('inc-1');
    await s.silence('inc-1', 15);
    await s.shelve('inc-1', 'sensor under repair', 60);
    await s.unshelve('inc-1');
    await s.escalate('inc-1');
    await s.meetDeadline('inc-1', 'report-unit-head');
    expect(transport.sent).toEqual([
      { type: 'silence', incidentId: 'inc-1', actor: 'Li' },
      { type: 'silence', incidentId: 'inc-1', minutes: 15, actor: 'Li' },
      { type: 'shelve', incidentId: 'inc-1', reason: 'sensor under repair', minutes: 60, actor: 'Li' },
      { type: 'unshelve', incidentId: 'inc-1', actor: 'Li' },
      { type: 'escalate', incidentId: 'inc-1', actor: 'Li' },
      { type: 'meetDeadline', incidentId: 'inc-1', deadlineId: 'report-unit-head', actor: 'Li' },
    ]);
    for (const command of transport.sent) expect(parseCommand(command, 'x').ok).toBe(true);
    // silence without minutes takes the core's default of 5
    expect(parseCommand(transport.sent[0], 'x')).toMatchObject({ ok: true, value: { minutes: 5 } });
  });

  it('a refused escalation is kept for its card, and does not touch the board', async () => {
    const { transport, store } = online();
    transport.reply = () => ({
      ok: false,
      error: { code: 'conflict', message: 'already at the highest tier of the escalation policy', field: 'incidentId' },
    });
    const board = store.getState().board;
    const result = await store.getState().escalate('inc-4');
    expect(result.ok).toBe(false);
    expect(store.getState().ui.lastError).toEqual({
      command: 'escalate',
      incidentId: 'inc-4',
      error: { code: 'conflict', message: 'already at the highest tier of the escalation policy', field: 'incidentId' },
    });
    expect(store.getState().board).toBe(board);
  });

  it('offline, nothing is sent and the card is told at once', async () => {
    const { transport, store } = online();
    transport.host.onConnection(false);
    const result = await store.getState().shelve('inc-2', 'nuisance', 15);
    expect(result.ok).toBe(false);
    expect(transport.sent).toEqual([]);
    expect(store.getState().ui.lastError).toMatchObject({ command: 'shelve', incidentId: 'inc-2', error: { code: 'unavailable' } });
  });
});
