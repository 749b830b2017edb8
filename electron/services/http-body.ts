import type { IncomingMessage } from 'node:http';
import { fail, ok, type Result } from '../core/result.js';

/** Reads a JSON body, refusing more than `limit` bytes without buffering them. */
export function readJsonBody(request: IncomingMessage, limit: number): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.resume();
      resolve(fail('too_large', `body larger than ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Result<unknown>) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        finish(fail('too_large', `body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', () => finish(fail('bad_json', 'the request body could not be read')));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        finish(ok(JSON.parse(text) as unknown));
      } catch (error) {
        finish(fail('bad_json', `body is not valid JSON: ${(error as Error).message}`));
      }
    });
  });
}
