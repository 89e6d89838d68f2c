// Runs in: Node (vitest). Owns: which staged records fall inside a connection's channels and currencies.
import { describe, expect, it } from 'vitest';
import type { StagedRecord } from '../connector.js';
import { inScope } from './scope.js';

const rec = (resource: StagedRecord['resource'], data: unknown): StagedRecord => ({
  storeId: 's',
  resource,
  id: '1',
  dateModified: '2026-01-01T00:00:00Z',
  data,
  deleted: false,
  historical: false,
});

describe('inScope', () => {
  it('narrows orders by channel and currency, customers by any of their channels', () => {
    const scope = { channels: [1], currencies: ['eur'] };
    expect(inScope(rec('orders', { channel_id: 1, currency_code: 'EUR' }), scope)).toBe(true);
    expect(inScope(rec('orders', { channel_id: 2, currency_code: 'EUR' }), scope)).toBe(false);
    expect(inScope(rec('orders', { channel_id: 1, currency_code: 'USD' }), scope)).toBe(false);
    expect(inScope(rec('customers', { channel_ids: [3, 1] }), scope)).toBe(true);
    expect(inScope(rec('customers', { channel_ids: [3] }), scope)).toBe(false);
  });

  it("reads a cart's nested currency", () => {
    const scope = { currencies: ['EUR'] };
    expect(inScope(rec('carts', { id: 'c', currency: { code: 'USD' } }), scope)).toBe(false);
    expect(inScope(rec('carts', { id: 'c', currency: { code: 'eur' } }), scope)).toBe(true);
  });

  it('keeps what carries neither (subscribers, products) and deletions', () => {
    const scope = { channels: [1], currencies: ['EUR'] };
    expect(inScope(rec('subscribers', { email: 'a@b.c' }), scope)).toBe(true);
    expect(inScope({ ...rec('orders', undefined), deleted: true }, scope)).toBe(true);
  });
});
