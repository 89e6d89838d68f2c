// Runs in: vitest (Node). Owns: unit tests of date, money and query-string normalisation.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { filterDate, normaliseBcDate, parseBcDate } from './dates.js';
import { toDecimal, toMinorUnits } from './money.js';
import { buildQuery } from './query.js';

describe('dates', () => {
  it('reads v2 RFC 2822 and v3 ISO 8601 into the same ISO UTC string', () => {
    expect(normaliseBcDate('Tue, 05 Mar 2019 21:40:11 +0000')).toBe('2019-03-05T21:40:11.000Z');
    expect(normaliseBcDate('Thu, 20 Apr 2017 11:32:00 -0400')).toBe('2017-04-20T15:32:00.000Z');
    expect(normaliseBcDate('2018-11-13T21:42:06Z')).toBe('2018-11-13T21:42:06.000Z');
    expect(normaliseBcDate('2018-08-15T14:49:05+00:00')).toBe('2018-08-15T14:49:05.000Z');
    expect(normaliseBcDate('2018-09-17T14:27:39.000Z')).toBe('2018-09-17T14:27:39.000Z');
    expect(normaliseBcDate('2017-04-20T11:32:00.000-04:00')).toBe('2017-04-20T15:32:00.000Z');
    expect(normaliseBcDate(1561479335)).toBe('2019-06-25T16:15:35.000Z');
  });

  it('reads a date without offset as UTC, not as the local zone (tests run in America/Sao_Paulo)', () => {
    expect(process.env.TZ).toBe('America/Sao_Paulo');
    expect(normaliseBcDate('2024-05-14T09:34:00')).toBe('2024-05-14T09:34:00.000Z');
    expect(normaliseBcDate('2024-05-14')).toBe('2024-05-14T00:00:00.000Z');
  });

  it('maps "" to null and rejects garbage', () => {
    expect(normaliseBcDate('')).toBeNull();
    expect(normaliseBcDate('not a date')).toBeUndefined();
    expect(normaliseBcDate('Tue, 05 Foo 2019 21:40:11 +0000')).toBeUndefined();
  });

  it('round-trips any instant through RFC 2822 and ISO forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (sec) => {
        const d = new Date(sec * 1000);
        expect(parseBcDate(d.toUTCString().replace('GMT', '+0000'))).toBe(sec * 1000);
        expect(parseBcDate(d.toISOString())).toBe(sec * 1000);
      }),
    );
  });

  it('formats filter values in UTC with Z and no plus sign', () => {
    expect(filterDate(Date.UTC(2024, 0, 2, 3, 4, 5, 678))).toBe('2024-01-02T03:04:05Z');
  });
});

describe('money', () => {
  it('normalises v2 strings and v3 floats to 4-place decimal strings', () => {
    expect(toDecimal('69.8400')).toBe('69.8400');
    expect(toDecimal(69.84)).toBe('69.8400');
    expect(toDecimal(0.1 + 0.2)).toBe('0.3000');
    expect(toDecimal('12')).toBe('12.0000');
    expect(toDecimal(-5.1)).toBe('-5.1000');
    expect(toDecimal('1.23456')).toBe('1.2346');
    expect(toDecimal('abc')).toBeUndefined();
    expect(toDecimal(Number.NaN)).toBeUndefined();
  });

  it('converts to integer minor units without floats', () => {
    expect(toMinorUnits('69.8400', 2)).toBe(6984);
    expect(toMinorUnits('1000.0000', 0)).toBe(1000);
    expect(toMinorUnits('0.0050', 2)).toBe(1);
    expect(toMinorUnits('-2.5050', 3)).toBe(-2505);
  });
});

describe('query strings', () => {
  it('keeps colons and commas literal, encodes plus and spaces', () => {
    const qs = buildQuery({
      'date_modified:min': '2024-01-01T00:00:00Z',
      'id:in': [1, 2, 3],
      email: 'a+b@x.com',
      name: 'Zoë Doe',
      skip: undefined,
    });
    expect(qs).toBe(
      'date_modified:min=2024-01-01T00:00:00Z&id:in=1,2,3&email=a%2Bb%40x.com&name=Zo%C3%AB%20Doe',
    );
    expect(qs).not.toMatch(/%3A/i);
  });
});
