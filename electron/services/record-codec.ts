import { crc32 } from 'node:zlib';

/**
 * One journal record per line: eight hex digits of CRC-32 over the JSON text, a space, the JSON,
 * a newline. The checksum tells a torn or scribbled record from a good one.
 */
export function encodeRecord(value: unknown): Buffer {
  const json = JSON.stringify(value);
  const body = Buffer.from(json, 'utf8');
  return Buffer.concat([Buffer.from(`${checksum(body)} `, 'ascii'), body, Buffer.from('\n', 'ascii')]);
}

/** The parsed value, or null when the line is not a whole, intact record. */
export function decodeRecord(line: Buffer): unknown {
  if (!hasValidChecksum(line)) return null;
  try {
    return JSON.parse(line.subarray(9).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

export const hasValidChecksum = (line: Buffer): boolean =>
  line.length >= 10 && line[8] === 0x20 && line.subarray(0, 8).toString('ascii') === checksum(line.subarray(9));

const checksum = (body: Buffer): string => crc32(body).toString(16).padStart(8, '0');
