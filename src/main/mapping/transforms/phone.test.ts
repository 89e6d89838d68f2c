// Runs in: vitest. Owns: the E.164 normaliser's common cases and its refusals.
import { describe, expect, it } from 'vitest';
import { toE164 } from './phone.js';

const ok = (value: string) => ({ ok: true, value });

describe('phone normalisation to E.164', () => {
  it('adds the default country to national numbers and drops the trunk 0', () => {
    expect(toE164('(415) 555-2671', 'US')).toEqual(ok('+14155552671'));
    expect(toE164('1-415-555-2671', 'US')).toEqual(ok('+14155552671'));
    expect(toE164('020 7946 0958', 'GB')).toEqual(ok('+442079460958'));
    expect(toE164('(11) 91234-5678', 'BR')).toEqual(ok('+5511912345678'));
    expect(toE164('06 12 34 56 78', 'FR')).toEqual(ok('+33612345678'));
    expect(toE164('612 34 56 78', 'ES')).toEqual(ok('+34612345678'));
  });

  it('keeps the leading 0 where the country keeps it (Italy)', () => {
    expect(toE164('06 1234 5678', 'IT')).toEqual(ok('+390612345678'));
  });

  it('keeps numbers already international, from + or 00 (and 011 in NANP)', () => {
    expect(toE164('+44 20 7946 0958', 'US')).toEqual(ok('+442079460958'));
    expect(toE164('0044 20 7946 0958', 'FR')).toEqual(ok('+442079460958'));
    expect(toE164('011 44 20 7946 0958', 'US')).toEqual(ok('+442079460958'));
  });

  it('refuses what it cannot normalise honestly, saying why', () => {
    const cases: Array<[string, string, string]> = [
      ['555-2671', 'US', 'digits'],
      ['+1 415 555 2671 ext. 12', 'US', 'extension'],
      ['call me', 'US', 'letters'],
      ['0612345678', 'XX', 'not a country'],
      ['+0123456789', 'US', 'international'],
    ];
    for (const [input, country, says] of cases) {
      const r = toE164(input, country);
      expect(r.ok, input).toBe(false);
      expect(!r.ok && r.message, input).toContain(says);
    }
  });

  it('passes empty values through', () => {
    expect(toE164('', 'US')).toEqual({ ok: true, value: '' });
    expect(toE164(null, 'US')).toEqual({ ok: true, value: null });
  });
});
