import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { dispatch, type Handlers } from './dispatch.js';

const summary = {
  id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  name: 'Acme',
  storeHash: 'abc123',
  apiBaseUrl: 'https://api.bigcommerce.com',
  credentials: { configured: true, hint: '••••wxyz' },
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = () => {
    throw new Error('not expected');
  };
  return {
    'app:info': fail,
    'stores:list': () => [],
    'stores:add': fail,
    'stores:rename': fail,
    'stores:remove': fail,
    ...overrides,
  } as Handlers;
}

describe('dispatch', () => {
  it('refuses an unknown channel', async () => {
    const r = await dispatch(handlers(), 'fs:readFile', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses invalid input with a message per field, before the handler runs', async () => {
    let ran = false;
    const r = await dispatch(handlers({ 'stores:add': () => ((ran = true), summary) }), 'stores:add', {
      name: '',
      storeHash: 'no spaces!',
      accessToken: 'x',
    });
    expect(ran).toBe(false);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(Object.keys(r.error.fields ?? {}).sort()).toEqual(['accessToken', 'name', 'storeHash']);
    expect(r.error.message).toMatch(/Store hash is the short code/);
  });

  it('refuses extra keys on strict inputs', async () => {
    const r = await dispatch(handlers(), 'stores:list', { sql: 'DROP TABLE stores' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('maps an AppError to its code and keeps the message', async () => {
    const r = await dispatch(
      handlers({
        'stores:rename': () => {
          throw new AppError('not_found', 'No store with id x');
        },
      }),
      'stores:rename',
      { id: summary.id, name: 'New' },
    );
    expect(r).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No store with id x', retryable: false },
    });
  });

  it('hides unexpected errors behind a generic message', async () => {
    const r = await dispatch(
      handlers({
        'stores:list': () => {
          throw new Error('SQLITE_CORRUPT at /home/someone/secret/path');
        },
      }),
      'stores:list',
      {},
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('internal');
      expect(r.error.message).not.toContain('/home/someone');
    }
  });

  it('strips fields the contract does not name from outputs', async () => {
    const leaky = { ...summary, accessToken: 'tok_should_never_cross' };
    const r = await dispatch(handlers({ 'stores:list': () => [leaky] }), 'stores:list', {});
    expect(JSON.stringify(r)).not.toContain('tok_should_never_cross');
    expect(r).toMatchObject({ ok: true, value: [{ id: summary.id }] });
  });
});
