// Runs in: main (Electron-free). Owns: whether a staged record falls inside a connection's scope (some of a
// store's channels and currencies). Records that carry no channel or currency (subscribers, products) are
// in every scope: narrowing is about which storefront a person or order belongs to.
import type { StagedRecord } from '../connector.js';

export interface Scope {
  channels?: number[];
  currencies?: string[];
}

export function inScope(record: StagedRecord, scope: Scope): boolean {
  if (record.deleted || !record.data || typeof record.data !== 'object') return true;
  const data = record.data as Record<string, unknown>;
  if (scope.channels?.length) {
    const single = numberOf(data.channel_id ?? data.channelId);
    const many = Array.isArray(data.channel_ids) ? (data.channel_ids as unknown[]).map(numberOf) : undefined;
    if (single !== undefined && !scope.channels.includes(single)) return false;
    // A customer with channel_ids may shop in several channels: in scope when any of them is.
    if (many && !many.some((c) => c !== undefined && scope.channels!.includes(c))) return false;
  }
  if (scope.currencies?.length) {
    // Orders and customers name it flat; a v3 cart nests it (`currency: { code }`).
    const nested =
      data.currency && typeof data.currency === 'object'
        ? (data.currency as { code?: unknown }).code
        : undefined;
    const currency = data.currency_code ?? data.currencyCode ?? data.default_currency_code ?? nested;
    if (
      typeof currency === 'string' &&
      !scope.currencies.map((c) => c.toUpperCase()).includes(currency.toUpperCase())
    )
      return false;
  }
  return true;
}

function numberOf(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
