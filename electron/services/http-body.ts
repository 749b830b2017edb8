import type { IncomingMessage } from 'node:http';
import { fail, ok, type Result } from '../core/contract/result.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON body, refusing more than `limit` bytes without buffering them. Bytes that are not
 * UTF-8 are refused rather than silently replaced (nothing a client sent may be altered on the way
 * into the journal); any JSON.parse failure, including a RangeError from absurd nesting, is a 400.
 */
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
    request.on('close', () => finish(fail('bad_json', 'the request body ended early')));
    request.on('end', () => {
      let text: string;
      try {
        text = utf8.decode(Buffer.concat(chunks));
      } catch {
        finish(fail('bad_json', 'body is not valid UTF-8'));
        return;
      }
      try {
        finish(ok(JSON.parse(text) as unknown));
      } catch (error) {
        finish(fail('bad_json', `body is not valid JSON: ${(error as Error).message}`));
      }
    });
  });
}
