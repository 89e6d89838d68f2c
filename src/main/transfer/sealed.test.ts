// The passphrase envelope on its own: what the header binds, and what a crafted header cannot make us do.
import { describe, expect, it } from 'vitest';
import { MAGIC, open, parseSealed, seal } from './sealed.js';

const fast = { N: 2 ** 10, r: 8, p: 1 };
const frame = (header: object, rest: Buffer) => {
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, len, json, rest]);
};

describe('sealed envelope', () => {
  it('round-trips, with a fresh salt and nonce each time', async () => {
    const a = await seal(Buffer.from('hello ✓'), 'pass phrase', 'test', fast);
    const b = await seal(Buffer.from('hello ✓'), 'pass phrase', 'test', fast);
    expect(a.equals(b)).toBe(false);
    expect((await open(a, 'pass phrase', 'test', 'a')).toString()).toBe('hello ✓');
    // NFC and NFD spellings of the same passphrase open the same file.
    const c = await seal(Buffer.from('x'), 'caf\u00e9 passphrase', 'test', fast);
    expect((await open(c, 'cafe\u0301 passphrase', 'test', 'c')).toString()).toBe('x');
  });

  it('authenticates the header: the same parameters re-serialised are refused', async () => {
    const sealed = await seal(Buffer.from('secret'), 'pass phrase', 'test', fast);
    const p = parseSealed(sealed, 'test', 'x');
    // Same kind, salt, N, r, p and nonce (so the same key) in another key order: only the AAD differs.
    const { cipher, kdf, kind, version } = p.header;
    const reordered = frame({ version, kind, cipher, kdf }, Buffer.concat([p.body, p.tag]));
    expect(parseSealed(reordered, 'test', 'x').header).toEqual(p.header);
    await expect(open(reordered, 'pass phrase', 'test', 'x')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses other kinds, newer versions and memory-hungry parameters before deriving a key', async () => {
    const sealed = await seal(Buffer.from('secret'), 'pass phrase', 'test', fast);
    const p = parseSealed(sealed, 'test', 'x');
    const rest = Buffer.concat([p.body, p.tag]);
    expect(() => parseSealed(sealed, 'other', 'x')).toThrow(/holds "test"/);
    expect(() => parseSealed(frame({ ...p.header, version: 2 }, rest), 'test', 'x')).toThrow(
      /newer Storebridge/,
    );
    const greedy = frame({ ...p.header, kdf: { ...p.header.kdf, N: 2 ** 22, r: 32 } }, rest);
    await expect(open(greedy, 'pass phrase', 'test', 'x')).rejects.toThrow(/more than 1 GiB/);
    expect(() => parseSealed(Buffer.from('PK\u0003\u0004 not ours at all'), 'test', 'x')).toThrow(
      /unknown format/,
    );
  });
});
