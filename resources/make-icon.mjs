// Draws resources/icon.png (512×512 RGBA): a red alarm beacon with a white "!" on the board's dark
// ground. Plain Node (zlib), no image tools: `node resources/make-icon.mjs`. icon.svg is the same design.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const px = Buffer.alloc(SIZE * SIZE * 4);
const ground = [0x10, 0x14, 0x18];
const red = [0xc6, 0x28, 0x28];
const white = [0xff, 0xff, 0xff];

// Coverage of a pixel by a shape, by 4×4 supersampling, for smooth edges.
function cover(inside, x, y) {
  let n = 0;
  for (let i = 0; i < 4; i += 1) for (let j = 0; j < 4; j += 1) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) n += 1;
  return n / 16;
}
const roundedSquare = (x, y) => {
  const r = 96;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (x, y) => (x - 256) ** 2 + (y - 256) ** 2 <= 184 ** 2;
const bar = (x, y) => {
  const r = 26;
  const cy = Math.min(Math.max(y, 136 + r), 300 - r);
  return (x - 256) ** 2 + (y - cy) ** 2 <= r * r;
};
const dot = (x, y) => (x - 256) ** 2 + (y - 366) ** 2 <= 30 ** 2;

const blend = (a, b, t) => a.map((v, i) => Math.round(v * (1 - t) + b[i] * t));
for (let y = 0; y < SIZE; y += 1) {
  for (let x = 0; x < SIZE; x += 1) {
    const alpha = cover(roundedSquare, x, y);
    let rgb = blend(ground, red, cover(circle, x, y));
    rgb = blend(rgb, white, Math.max(cover(bar, x, y), cover(dot, x, y)));
    const o = (y * SIZE + x) * 4;
    px[o] = rgb[0];
    px[o + 1] = rgb[1];
    px[o + 2] = rgb[2];
    px[o + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y += 1) px.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
