import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../electron/core/contract/contract.js';
import { anyValue, namesField, spoiledCommand, withField, without } from './command-arbitraries.js';
import { jsonHeaders, rawRequest, useFuzzHost, type RawResponse } from './fuzz-host.js';

const host = useFuzzHost();
const COMMANDS = '/api/v1/commands';
const ALARMS = '/api/v1/alarms';

/** A refusal: 4xx, the standard error shape, and never a cookie. */
function expectRefused(response: RawResponse): ReturnType<RawResponse['json']>['error'] & object {
  expect(response.status, response.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(response.status, response.text.slice(0, 300)).toBeLessThan(500);
  expect(response.headers['set-cookie']).toBeUndefined();
  const body = response.json();
  expect(body.ok).toBe(false);
  expect(typeof body.error?.code).toBe('string');
  expect(typeof body.error?.message).toBe('string');
  // a field is at fault: it is named ('' only for a key that is itself the empty string)
  if (body.error?.code === 'invalid' || body.error?.code === 'unknown_command') expect(typeof body.error.field).toBe('string');
  return body.error!;
}

/** Runs a property and proves the board and the journal did not change, and the host still serves. */
async function unchanged(run: () => Promise<void>): Promise<void> {
  const before = await host().fingerprint();
  await run();
  expect(await host().fingerprint()).toEqual(before);
  expect((await fetch(new URL('/api/v1/state', host().url))).status).toBe(200);
}

/** Each alarm request from its own loopback address, so the intake's rate limit does not answer for the validator. */
let nextAddress = 0;
const freshLoopback = () => {
  nextAddress += 1;
  return `127.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255 || 1}`;
};

describe('POST /api/v1/commands under hostile input (fast-check, real host)', () => {
  it('one spoiled field of any command type: 400 naming that field (413 when the body itself is too large)', async () => {
    await unchanged(() =>
      fc.assert(
        fc.asyncProperty(spoiledCommand, async ({ command, field }) => {
          const body = JSON.stringify(command);
          const response = await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body });
          const error = expectRefused(response);
          if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
            expect(response.status).toBe(413);
            expect(error.code).toBe('too_large');
          } else {
            expect(response.status).toBe(400);
            expect(namesField(error.field, field), `${field} → ${JSON.stringify(error)}`).toBe(true);
          }
        }),
        { numRuns: 300 },
      ),
    );
  });

  it('any JSON body at all: a 4xx with the error shape, never a 5xx', async () => {
    await unchanged(() =>
      fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), anyValue, fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }))), async (value) => {
          expectRefused(await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body: JSON.stringify(value) ?? 'null' }));
        }),
        { numRuns: 300 },
      ),
    );
  });

  it('random bytes, including invalid UTF-8: 400, nothing stored with replacement characters', async () => {
    await unchanged(async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
          const response = await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body: Buffer.from(bytes) });
          expectRefused(response);
          expect(response.status).toBe(400);
        }),
        { numRuns: 200 },
      );
      // A valid command except for bytes that are not UTF-8 inside a string: refused, not "repaired".
      const invalidUtf8 = Buffer.concat([
        Buffer.from('{"type":"raiseIncident","incidentType":"fire","level":"II","title":"Smoke '),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}'),
      ]);
      const response = await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body: invalidUtf8 });
      expect(response.status).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'bad_json', message: 'body is not valid UTF-8' });
    });
  });

  it('__proto__ and constructor keys are refused by name and pollute nothing', async () => {
    await unchanged(async () => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const body = `{"type":"addNote","incidentId":"inc-1","text":"x","${key}":{"polluted":true,"prototype":{"polluted":true}}}`;
        const response = await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body });
        expect(response.status).toBe(400);
        expect(response.json().error).toMatchObject({ code: 'invalid', field: key, message: 'unknown field' });
      }
      const nested = '{"type":"updateImpact","incidentId":"inc-1","impact":{"__proto__":{"dead":5}}}';
      expect((await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body: nested })).json().error).toMatchObject({
        field: 'impact.__proto__',
      });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).dead).toBeUndefined();
    });
  });

  it('deep nesting: 30,000 levels inside the size limit → 400 naming the field; 100,000 levels → 413; the host lives', async () => {
    await unchanged(async () => {
      const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
      const whole = await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body: deep(30_000) });
      expect(whole.status).toBe(400);
      expect(whole.json().error).toMatchObject({ code: 'invalid', field: 'type' });
      const inField = await rawRequest(host().url, {
        path: COMMANDS,
        headers: jsonHeaders,
        body: `{"type":"addNote","incidentId":"inc-1","text":${deep(30_000)}}`,
      });
      expect(inField.status).toBe(400);
      expect(inField.json().error).toMatchObject({ code: 'invalid', field: 'text' });
      const objects = await rawRequest(host().url, {
        path: COMMANDS,
        headers: jsonHeaders,
        body: `{"type":"updateImpact","incidentId":"inc-1","impact":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`,
      });
      expect(objects.status).toBe(400);
      expect(objects.json().error).toMatchObject({ code: 'invalid', field: 'impact.a' });
      const tooDeep = await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body: deep(100_000) });
      expect(tooDeep.status).toBe(413);
    });
  });

  it('10 MB bodies, declared or chunked, on both endpoints: 413 without buffering them', async () => {
    await unchanged(async () => {
      const tenMb = Buffer.alloc(10 * 1024 * 1024, 0x20);
      tenMb.write('{"type":"addNote","incidentId":"inc-1","text":"', 0);
      for (const path of [COMMANDS, ALARMS]) {
        for (const chunked of [false, true]) {
          const rssBefore = process.memoryUsage().rss;
          const response = await rawRequest(host().url, {
            path,
            headers: jsonHeaders,
            body: tenMb,
            chunked,
            localAddress: freshLoopback(),
          });
          expect(response.status, `${path} chunked=${chunked}`).toBe(413);
          expect(response.json().error).toMatchObject({ code: 'too_large' });
          expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
        }
      }
      // a declared length far beyond anything is refused before a byte is read
      const declared = await rawRequest(host().url, {
        path: COMMANDS,
        headers: { ...jsonHeaders, 'content-length': 10 * 1024 * 1024 },
        body: '',
      });
      expect(declared.status).toBe(413);
    });
  });

  it('bodies up to and past the limit: exactly 64 KiB is read, one byte more is 413', async () => {
    await unchanged(async () => {
      const padded = (size: number) => {
        const head = '{"type":"addNote","incidentId":"inc-404","text":"x"}';
        return head + ' '.repeat(size - head.length);
      };
      const at = await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body: padded(MAX_BODY_BYTES) });
      expect(at.status).toBe(404); // read and validated; the incident does not exist
      const past = await rawRequest(host().url, { path: COMMANDS, headers: jsonHeaders, body: padded(MAX_BODY_BYTES + 1) });
      expect(past.status).toBe(413);
    });
  });

  it('a body that is not declared as JSON: 415 naming content-type', async () => {
    await unchanged(() =>
      fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            '',
            'application/jsonx',
            'json',
          ),
          async (type) => {
            const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
            const response = await rawRequest(host().url, { path: COMMANDS, headers, body: '{"type":"acknowledge","incidentId":"inc-1"}' });
            expect(response.status).toBe(415);
            expect(response.json().error).toMatchObject({ field: 'content-type' });
          },
        ),
        { numRuns: 20 },
      ),
    );
  });

  it('odd methods and request targets: never a 5xx, never a crash', async () => {
    const target = fc.oneof(
      fc.webPath(),
      fc.constantFrom(
        '/api/v1/commands/../state',
        '/api/v1//commands',
        '/api/v1/%',
        '/api/%E0%A4%A',
        '//evil.example/x',
        '/api/v1/commands?token=x&token=y',
        '*',
        'http://[::1',
        'http://host:99999/api/v1/state',
      ),
      fc.string({ maxLength: 40 }).map((s) => `/api/${encodeURIComponent(s)}`),
    );
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND');
    await unchanged(() =>
      fc.assert(
        fc.asyncProperty(method, target, async (m, path) => {
          let response: RawResponse;
          try {
            response = await rawRequest(host().url, {
              method: m,
              path,
              headers: jsonHeaders,
              body: m === 'GET' || m === 'HEAD' ? undefined : '{}',
            });
          } catch (error) {
            // node's own client refuses some targets outright: nothing reached the host
            expect((error as NodeJS.ErrnoException).code).toMatch(/ERR_UNESCAPED_CHARACTERS|ERR_INVALID/);
            return;
          }
          expect(response.status, `${m} ${path}`).toBeGreaterThanOrEqual(200);
          expect(response.status, `${m} ${path}: ${response.text}`).toBeLessThan(500);
          expect(response.headers['set-cookie']).toBeUndefined();
        }),
        { numRuns: 300 },
      ),
    );
  });
});

describe('POST /api/v1/alarms under hostile input (fast-check, real host)', () => {
  const trigger = { action: 'trigger', dedupKey: 'chiller-2-temp', source: 'BMS', summary: 'Chiller 2 over temperature' } as const;
  const alarmFields = ['dedupKey', 'source', 'summary'] as const;

  it('one spoiled field: 400 naming it', async () => {
    const spoiled = fc.oneof(
      fc.constantFrom(...alarmFields, 'action').map((field) => ({ body: without(trigger, field), field })),
      fc
        .constantFrom(...alarmFields, 'action')
        .chain((field) =>
          anyValue
            .filter(
              (v) =>
                typeof v !== 'string' ||
                (field === 'action' ? !['trigger', 'acknowledge', 'resolve'].includes(v) : v.trim() === '' || v.length > 100),
            )
            .map((value) => ({ body: withField(trigger, field, value), field })),
        ),
      fc
        .constantFrom('__proto__', 'constructor', 'colour', 'incidentId')
        .map((field) => ({ body: withField(trigger, field, { polluted: true }), field })),
    );
    await unchanged(() =>
      fc.assert(
        fc.asyncProperty(spoiled, async ({ body, field }) => {
          const text = JSON.stringify(body);
          const response = await rawRequest(host().url, { path: ALARMS, headers: jsonHeaders, body: text, localAddress: freshLoopback() });
          const error = expectRefused(response);
          if (Buffer.byteLength(text) > MAX_BODY_BYTES) expect(response.status).toBe(413);
          else expect(namesField(error.field, field), `${field} → ${JSON.stringify(error)}`).toBe(true);
        }),
        { numRuns: 250 },
      ),
    );
  });

  it('any JSON body: a 4xx with the error shape, never a 5xx', async () => {
    await unchanged(() =>
      fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), anyValue), async (value) => {
          expectRefused(
            await rawRequest(host().url, {
              path: ALARMS,
              headers: jsonHeaders,
              body: JSON.stringify(value) ?? 'null',
              localAddress: freshLoopback(),
            }),
          );
        }),
        { numRuns: 200 },
      ),
    );
  });

  it('the rate limit answers 429 after the burst from one address', async () => {
    await unchanged(async () => {
      const address = freshLoopback();
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) {
        statuses.push(
          (await rawRequest(host().url, { path: ALARMS, headers: jsonHeaders, body: '{"action":"explode"}', localAddress: address }))
            .status,
        );
      }
      expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    });
  });
});
