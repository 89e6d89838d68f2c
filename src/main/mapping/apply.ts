// Runs in: main (Electron-free). Owns: mapping one normalised BigCommerce record to a platform payload. Every
// value left out is reported with the record, the field and the reason: nothing is dropped silently.
import type { Customer } from '../bigcommerce/schemas/customers.js';
import type { Order } from '../bigcommerce/schemas/orders.js';
import { standardField } from './bc-fields.js';
import { sourceField, targetField } from './catalogue.js';
import { conform } from './compat.js';
import { parseCustomKey, readCustom } from './custom-fields.js';
import type { Catalogue, Mapping, RecordIssue, Value } from './model.js';
import { recordCountry } from './record-country.js';
import { runChain } from './transforms/index.js';
import { isEmpty } from './transforms/result.js';

export interface Applied {
  payload: Record<string, Value>;
  issues: RecordIssue[];
}

/** A raw record value as a mapping Value; objects (which no field should yield) are refused. */
function asValue(raw: unknown): { ok: true; value: Value } | { ok: false } {
  if (raw === undefined || raw === null || typeof raw === 'string' || typeof raw === 'boolean') {
    return { ok: true, value: raw };
  }
  if (typeof raw === 'number') return { ok: true, value: raw };
  if (Array.isArray(raw) && raw.every((x) => ['string', 'number'].includes(typeof x))) {
    return { ok: true, value: raw.map(String) };
  }
  return { ok: false };
}

export function readSource(record: unknown, key: string): { known: boolean; raw: unknown } {
  const std = standardField(key);
  if (std) return { known: true, raw: std.read(record as Customer | Order) };
  if (parseCustomKey(key)) return { known: true, raw: readCustom(record, key) };
  return { known: false, raw: undefined };
}

export function recordIdOf(record: unknown): string {
  const id = record && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
  return id === undefined || id === null ? '?' : String(id);
}

export function applyMapping(
  record: unknown,
  mapping: Mapping,
  c: Catalogue,
  recordId = recordIdOf(record),
): Applied {
  const payload: Record<string, Value> = {};
  const issues: RecordIssue[] = [];
  for (const row of mapping.rows) {
    const at = { recordId, target: row.target, ...(row.source ? { source: row.source } : {}) };
    let value: Value = undefined;
    if (row.source) {
      const read = readSource(record, row.source);
      if (!read.known) {
        issues.push({
          ...at,
          severity: 'error',
          code: 'unknown_source',
          message: `${row.source} is not a field this version can read`,
        });
        continue;
      }
      const v = asValue(read.raw);
      if (!v.ok) {
        issues.push({
          ...at,
          severity: 'error',
          code: 'unsupported_value',
          message: `${row.source} holds a structure, not a value`,
        });
        continue;
      }
      value = v.value;
    }
    const country = row.transforms.some((t) => t.kind === 'phone')
      ? recordCountry(row.source, (key) => readSource(record, key).raw)
      : undefined;
    const ctx = country ? { recordCountry: country } : {};
    const chain = runChain(value, row.transforms, sourceField(c, row.source), ctx);
    if (!chain.ok) {
      issues.push({
        ...at,
        severity: 'error',
        code: 'transform_failed',
        message: `${chain.kind} (step ${chain.step + 1}): ${chain.message}`,
      });
      continue;
    }
    for (const n of chain.notes) issues.push({ ...at, severity: 'warning', code: 'truncated', message: n });
    if (isEmpty(chain.value)) {
      // An empty value is left out, not sent as "": an upsert then keeps what the platform holds.
      const tgt = targetField(c, row.target);
      if (row.required || tgt?.required) {
        issues.push({
          ...at,
          severity: 'error',
          code: 'required_empty',
          message: `${tgt?.label ?? row.target} is required but empty`,
        });
      }
      continue;
    }
    const fit = conform(chain.value, targetField(c, row.target));
    if (!fit.ok) {
      issues.push({ ...at, severity: 'error', code: 'type_conflict', message: fit.message });
      continue;
    }
    payload[row.target] = fit.value;
  }
  return { payload, issues };
}
