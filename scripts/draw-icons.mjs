// Draws SessionScope's toolbar icons (a cookie under a magnifying lens) as PNGs, with no image library:
// shapes are signed-distance tests, 4×4 supersampled, written through zlib. Run: node scripts/draw-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Layers in a unit square, painted in order; each returns true when the point is inside.
const dist = (x, y, cx, cy) => Math.hypot(x - cx, y - cy);
const layers = [
  // the cookie, with a bite out of its upper right
  [[196, 140, 82], (x, y) => dist(x, y, 0.42, 0.45) < 0.36 && dist(x, y, 0.72, 0.16) > 0.13],
  // chocolate chips
  [
    [92, 54, 30],
    (x, y) => dist(x, y, 0.3, 0.34) < 0.06 || dist(x, y, 0.48, 0.56) < 0.055 || dist(x, y, 0.26, 0.6) < 0.05,
  ],
  // the lens ring and handle
  [
    [30, 64, 120],
    (x, y) => {
      const d = dist(x, y, 0.62, 0.62);
      return d < 0.24 && d > 0.17;
    },
  ],
  [
    [30, 64, 120],
    (x, y) => {
      const t = (x - 0.78 + (y - 0.78)) / 2;
      const px = 0.78 + t,
        py = 0.78 + t;
      return t > 0 && t < 0.17 && dist(x, y, px, py) < 0.06;
    },
  ],
  // glass tint
  [[170, 210, 245], (x, y) => dist(x, y, 0.62, 0.62) < 0.17],
];
const GLASS_ALPHA = 0.55;

function draw(size) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          let col = null,
            alpha = 0;
          layers.forEach(([c, inside], i) => {
            if (!inside(x, y)) return;
            const la = i === layers.length - 1 ? GLASS_ALPHA : 1;
            col = col ? col.map((v, k) => v * (1 - la) + c[k] * la) : c;
            alpha = alpha + la * (1 - alpha);
          });
          if (col) {
            r += col[0] * alpha;
            g += col[1] * alpha;
            b += col[2] * alpha;
            a += alpha;
          }
        }
      }
      const o = (py * size + px) * 4;
      const n = S * S;
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round((a / n) * 255);
    }
  }
  return png(size, out);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, draw(size));
