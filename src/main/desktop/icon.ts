// Runs in: main (Electron-free). Owns: drawing the app and tray icons as PNG bytes (a bridge arc on a
// rounded square, tinted by what needs attention), so the tray can show state without shipping image files.
import { deflateSync } from 'node:zlib';
import type { StoreState } from './tray-menu.js';

type Rgb = [number, number, number];

const TINT: Record<StoreState | 'app', Rgb> = {
  app: [34, 99, 214],
  ok: [34, 99, 214],
  syncing: [34, 99, 214],
  paused: [120, 120, 128],
  offline: [200, 110, 20],
  attention: [205, 40, 40],
};

/** The worst state among the stores decides the tray icon's colour. */
export function trayTint(states: StoreState[]): StoreState {
  for (const s of ['attention', 'offline', 'syncing', 'ok'] as const) if (states.includes(s)) return s;
  return states.length > 0 ? 'paused' : 'ok';
}

export function iconPng(size: number, tint: StoreState | 'app' = 'app'): Buffer {
  const [r, g, b] = TINT[tint];
  const rows: Buffer[] = [];
  const radius = size * 0.2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // leading 0: PNG filter "none"
    for (let x = 0; x < size; x++) {
      const inSquare = roundedCoverage(x + 0.5, y + 0.5, size, radius);
      const onArc = arcCoverage(x + 0.5, y + 0.5, size);
      const o = 1 + x * 4;
      row[o] = Math.round(r + (255 - r) * onArc);
      row[o + 1] = Math.round(g + (255 - g) * onArc);
      row[o + 2] = Math.round(b + (255 - b) * onArc);
      row[o + 3] = Math.round(255 * inSquare);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function roundedCoverage(x: number, y: number, size: number, radius: number): number {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return clamp(radius - Math.hypot(x - cx, y - cy) + 0.5);
}

/** A white bridge: an arc over a deck, the two things Storebridge joins. */
function arcCoverage(x: number, y: number, size: number): number {
  const stroke = size * 0.09;
  const cx = size / 2;
  const cy = size * 0.78;
  const r = size * 0.32;
  const arc = y <= cy ? clamp(stroke / 2 - Math.abs(Math.hypot(x - cx, y - cy) - r) + 0.5) : 0;
  const deck = Math.abs(y - size * 0.62) < stroke / 2 && x > size * 0.14 && x < size * 0.86 ? 1 : 0;
  return Math.max(arc, deck);
}

function clamp(v: number): number {
  return Math.min(1, Math.max(0, v));
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
