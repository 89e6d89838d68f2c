// Runs in: vitest. Owns: text transforms, default, boolean, option indexes and chaining.
import { describe, expect, it } from 'vitest';
import { toBoolean } from './boolean.js';
import { runChain } from './index.js';
import { toOptionIndex } from './options.js';
import { transformSchema } from './spec.js';
import { lowercase, trim, truncate, uppercase, withDefault } from './text.js';

describe('text transforms', () => {
  it('trim, lowercase and uppercase strings and each checkbox answer; leave numbers alone', () => {
    expect(trim('  Ana ')).toEqual({ ok: true, value: 'Ana' });
    expect(lowercase('ANA@Example.COM')).toEqual({ ok: true, value: 'ana@example.com' });
    expect(uppercase(['br', ' pt'])).toEqual({ ok: true, value: ['BR', ' PT'] });
    expect(lowercase(42)).toEqual({ ok: true, value: 42 });
  });

  it('truncates by characters, never splitting an emoji, and notes the cut', () => {
    expect(truncate('héllo😀world', 6)).toEqual({
      ok: true,
      value: 'héllo😀',
      note: 'cut from 11 to 6 characters',
    });
    expect(truncate('short', 10)).toEqual({ ok: true, value: 'short' });
  });

  it('fills only empty values with the default', () => {
    expect(withDefault(undefined, 'n/a')).toEqual({ ok: true, value: 'n/a' });
    expect(withDefault([], 'none')).toEqual({ ok: true, value: 'none' });
    expect(withDefault('x', 'n/a')).toEqual({ ok: true, value: 'x' });
    expect(withDefault(0, 5)).toEqual({ ok: true, value: 0 });
  });
});

describe('boolean transform', () => {
  it('reads yes/true/1 and no/false/0 in several spellings', () => {
    for (const y of ['yes', 'Yes', 'TRUE', '1', 'on', 'Sim', 1, ['Yes']])
      expect(toBoolean(y), String(y)).toEqual({ ok: true, value: true });
    for (const n of ['no', 'False', '0', 'off', 'não', 0])
      expect(toBoolean(n), String(n)).toEqual({ ok: true, value: false });
  });

  it('refuses anything else instead of guessing false', () => {
    for (const v of ['maybe', 2, ['Yes', 'No']]) expect(toBoolean(v).ok, String(v)).toBe(false);
  });
});

describe('option index transform', () => {
  const topics = ['Running', 'Hiking', 'Cycling'];

  it('sends checkbox answers as indexes from 0 in the store option order', () => {
    expect(toOptionIndex(['Cycling', 'Running'], topics)).toEqual({ ok: true, value: ['2', '0'] });
    expect(toOptionIndex('Hiking', topics)).toEqual({ ok: true, value: '1' });
    expect(toOptionIndex([' cycling'], topics)).toEqual({ ok: true, value: ['2'] });
  });

  it('reports answers that are not options, and fields without options', () => {
    const r = toOptionIndex(['Swimming', 'Hiking'], topics);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('Swimming');
    expect(toOptionIndex(['Hiking'], undefined).ok).toBe(false);
  });
});

describe('chains', () => {
  it('run left to right and say which step failed', () => {
    const specs = [{ kind: 'trim' }, { kind: 'lowercase' }, { kind: 'truncate', length: 5 }].map((s) =>
      transformSchema.parse(s),
    );
    expect(runChain('  HELLO WORLD ', specs)).toEqual({
      ok: true,
      value: 'hello',
      notes: ['cut from 11 to 5 characters'],
    });
    const bad = runChain('abc', [
      transformSchema.parse({ kind: 'trim' }),
      transformSchema.parse({ kind: 'number' }),
    ]);
    expect(bad).toMatchObject({ ok: false, step: 1, kind: 'number' });
  });
});
