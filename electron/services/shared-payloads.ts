import type { ServerMessage } from '../core/contract/contract.js';
import { activeIncidents, recentIncidents } from '../core/incident/selectors.js';
import type { BoardState } from '../core/state.js';

/**
 * A board of 1,000 incidents is megabytes of JSON; serialising it for every reader ran the host
 * out of memory. The state is immutable per seq, so each payload is made once and the same
 * bytes are handed to every HTTP reader and every socket.
 */
export class SharedPayloads {
  private readonly boards = new WeakMap<BoardState, Buffer>();
  private readonly snapshots = new WeakMap<BoardState, Buffer>();
  private readonly messages = new WeakMap<object, Buffer>();

  /** `"seq":…,"active":[…],"recent":[…]` for GET /api/v1/state, without the live status. */
  boardFields(state: BoardState): Buffer {
    return cached(this.boards, state, () => {
      const json = JSON.stringify({ seq: state.seq, active: activeIncidents(state), recent: recentIncidents(state) });
      return json.slice(1, -1);
    });
  }

  /** A socket message; broadcasts are one object for all subscribers, snapshots one per state. */
  message(message: ServerMessage): Buffer {
    if (message.kind === 'snapshot') return cached(this.snapshots, message.state, () => JSON.stringify(message));
    return cached(this.messages, message, () => JSON.stringify(message));
  }
}

function cached<K extends object>(cache: WeakMap<K, Buffer>, key: K, make: () => string): Buffer {
  let bytes = cache.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(make());
    cache.set(key, bytes);
  }
  return bytes;
}
