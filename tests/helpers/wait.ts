import type { WebSocket } from 'ws';
import type { ServerMessage } from '../../electron/core/contract/contract.js';

/** Polls until `condition` holds; fails the test with a clear message after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every message the socket receives from now on, parsed, in order. */
export function collect(socket: WebSocket): ServerMessage[] {
  const messages: ServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as ServerMessage));
  return messages;
}
