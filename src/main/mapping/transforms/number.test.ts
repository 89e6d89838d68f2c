// Runs in: vitest. Owns: locale-safe number parsing and its refusal to guess.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toNumber } from './number.js';

describe('number transform', () => {
  it('reads the common locale spellings', () => {
    const cases: Array<[string, number]> = [
      ['1234.56', 1234.56],
      ['1234,56', 1234.56],
      ['1.234,56', 1234.56],
      ['1,234.56', 1234.56],
      ['1 234,5', 1234.5],
      ['1\u00a0234,5', 1234.5],
      ["1'234.50", 1234.5],
      ['1.234.567', 1234567],
      ['1,234,567.8', 1234567.8],
      ['-0,5', -0.5],
      ['+42', 42],
      ['  7 ', 7],
    ];
    for (const [input, n] of cases) expect(toNumber(input, 'auto'), input).toEqual({ ok: true, value: n });
  });

  it('does not guess "1,234" or "1.234" unless told the separator', () => {
    expect(toNumber('1,234', 'auto').ok).toBe(false);
    expect(toNumber('1.234', 'auto').ok).toBe(false);
    expect(toNumber('1,234', ',')).toEqual({ ok: true, value: 1.234 });
    expect(toNumber('1,234', '.')).toEqual({ ok: true, value: 1234 });
    expect(toNumber('1.234', ',')).toEqual({ ok: true, value: 1234 });
  });

  it('refuses text that is not a number and odd grouping', () => {
    for (const s of ['abc', '12abc', '$12', '1.2.3,4,5', '12,34.5', '1,23,456.7', '--1', '']) {
      const r = toNumber(s, 'auto');
      if (s === '') expect(r).toEqual({ ok: true, value: '' });
      else expect(r.ok, s).toBe(false);
    }
  });

  it('round-trips any number written with either locale convention', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999, max: 99_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        (int, cents) => {
          const sign = int < 0 ? '-' : '';
          const abs = Math.abs(int);
          const grouped = (sep: string) => String(abs).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
          const frac = String(cents).padStart(2, '0');
          const expected = Number(`${sign}${abs}.${frac}`);
          expect(toNumber(`${sign}${grouped(',')}.${frac}`, 'auto')).toEqual({ ok: true, value: expected });
          expect(toNumber(`${sign}${grouped('.')},${frac}`, 'auto')).toEqual({ ok: true, value: expected });
        },
      ),
    );
  });
});
