// Runs in: vitest (TZ=America/Sao_Paulo). Owns: the date transform's formats and time-zone handling.
import { describe, expect, it } from 'vitest';
import { toDate } from './date.js';
import { transformSchema, type SpecOf } from './spec.js';

const spec = (s: Record<string, unknown>): SpecOf<'date'> =>
  transformSchema.parse({ kind: 'date', ...s }) as SpecOf<'date'>;
const run = (v: string | number, s: Record<string, unknown>) => toDate(v, spec(s));

describe('date transform', () => {
  it('runs in a zone that is not UTC, so UTC assumptions would show', () => {
    expect(new Date(0).getTimezoneOffset()).not.toBe(0);
  });

  it('writes instants as ISO in UTC by default and in a named zone on request', () => {
    // v2 orders arrive as RFC 2822; the client normalises them, but raw text must work too.
    expect(run('Tue, 05 Mar 2019 21:40:11 +0000', { format: 'iso' })).toEqual({
      ok: true,
      value: '2019-03-05T21:40:11.000Z',
    });
    expect(run('2019-03-05T21:40:11.000Z', { format: 'iso', timeZone: 'Europe/Madrid' })).toEqual({
      ok: true,
      value: '2019-03-05T22:40:11.000+01:00',
    });
    expect(run('2019-07-05T21:40:11Z', { format: 'iso', timeZone: 'Europe/Madrid' })).toEqual({
      ok: true,
      value: '2019-07-05T23:40:11.000+02:00',
    });
  });

  it('takes the calendar day of an instant in the transform zone, not the machine zone', () => {
    // 01:30 UTC is still the previous day in São Paulo: only an explicit zone may move the day.
    expect(run('2024-03-05T01:30:00Z', { format: 'date' })).toEqual({ ok: true, value: '2024-03-05' });
    expect(run('2024-03-05T01:30:00Z', { format: 'date', timeZone: 'America/Sao_Paulo' })).toEqual({
      ok: true,
      value: '2024-03-04',
    });
    expect(
      run('2024-03-05T23:30:00Z', { format: 'pattern', pattern: 'dd/MM/yyyy', timeZone: 'Asia/Tokyo' }),
    ).toEqual({
      ok: true,
      value: '06/03/2024',
    });
  });

  it('keeps a calendar date (a birthday) on its day whatever the zone', () => {
    for (const timeZone of ['UTC', 'America/Sao_Paulo', 'Pacific/Kiritimati']) {
      expect(run('1990-05-14', { format: 'date', timeZone })).toEqual({ ok: true, value: '1990-05-14' });
      expect(run('1990-05-14', { format: 'pattern', pattern: 'dd/MM/yyyy', timeZone })).toEqual({
        ok: true,
        value: '14/05/1990',
      });
    }
  });

  it('turns a calendar date into an instant at midnight in the transform zone', () => {
    expect(run('1990-05-14', { format: 'epoch_s' })).toEqual({
      ok: true,
      value: Date.UTC(1990, 4, 14) / 1000,
    });
    expect(run('2024-01-15', { format: 'epoch_ms', timeZone: 'America/Sao_Paulo' })).toEqual({
      ok: true,
      value: Date.UTC(2024, 0, 15, 3),
    });
    expect(run('2024-01-15', { format: 'iso', timeZone: 'America/New_York' })).toEqual({
      ok: true,
      value: '2024-01-15T00:00:00.000-05:00',
    });
  });

  it('writes epoch seconds and milliseconds, and reads both', () => {
    expect(run('2019-03-05T21:40:11Z', { format: 'epoch_s' })).toEqual({ ok: true, value: 1551822011 });
    expect(run('2019-03-05T21:40:11.250Z', { format: 'epoch_ms' })).toEqual({
      ok: true,
      value: 1551822011250,
    });
    expect(run(1551822011, { format: 'iso' })).toEqual({ ok: true, value: '2019-03-05T21:40:11.000Z' });
    expect(run(1551822011250, { format: 'iso' })).toEqual({ ok: true, value: '2019-03-05T21:40:11.250Z' });
  });

  it('reads text in an input pattern, and says what it expected when the text does not fit', () => {
    expect(run('14/05/1990', { format: 'date', inputPattern: 'dd/MM/yyyy' })).toEqual({
      ok: true,
      value: '1990-05-14',
    });
    expect(run('05/14/1990 18:30', { format: 'iso', inputPattern: 'MM/dd/yyyy HH:mm' })).toEqual({
      ok: true,
      value: '1990-05-14T18:30:00.000Z',
    });
    const r = run('31/02/1990', { format: 'date', inputPattern: 'dd/MM/yyyy' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('dd/MM/yyyy');
    const plain = run('14/05/1990', { format: 'date' });
    expect(!plain.ok && plain.message).toContain('input pattern');
  });

  it('refuses an unknown time zone and a pattern without a date in it', () => {
    expect(transformSchema.safeParse({ kind: 'date', format: 'iso', timeZone: 'Mars/Olympus' }).success).toBe(
      false,
    );
    expect(transformSchema.safeParse({ kind: 'date', format: 'pattern', pattern: 'HH:mm' }).success).toBe(
      false,
    );
  });

  it('passes empty values through untouched', () => {
    expect(toDate(undefined, spec({ format: 'iso' }))).toEqual({ ok: true, value: undefined });
    expect(toDate('', spec({ format: 'iso' }))).toEqual({ ok: true, value: '' });
  });
});
