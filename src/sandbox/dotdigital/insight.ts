// Runs in: Node (simulators). Owns: Insight data rules shared by v2 and v3: collection names, scope
// (contact, or account for e.g. Catalog_Default), and key-based upsert (the same key replaces).
import type { Account } from './account.js';
import type { Collection, InsightRecord } from './store.js';

export const collectionNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

export type UpsertResult =
  { created: boolean; record: InsightRecord } | { error: 'scope'; collection: Collection };

/** Upserts one record; a collection is created on first write with the scope of that write. */
export function upsertRecord(
  acct: Account,
  collectionName: string,
  key: string,
  contactId: number | undefined,
  json: Record<string, unknown>,
  now: number,
  type = 'custom',
): UpsertResult {
  const scope = contactId === undefined ? 'account' : 'contact';
  const col = acct.store.ensureCollection(collectionName, scope, type);
  // Names are unique across scopes: a contact collection cannot take account records, nor the reverse.
  if (col.scope !== scope) return { error: 'scope', collection: col };
  const existing = col.records.get(key);
  if (existing) {
    existing.json = json;
    existing.contactId = contactId;
    existing.updated = now;
    return { created: false, record: existing };
  }
  const record: InsightRecord = { key, contactId, json, created: now, updated: now };
  col.records.set(key, record);
  return { created: true, record };
}

/** Resolves a v2 `contactIdentifier` (email, id, or "account"). */
export function resolveOwner(acct: Account, identifier: string): { contactId?: number } | undefined {
  if (identifier.toLowerCase() === 'account') return {};
  const c = acct.store.byIdOrEmail(identifier);
  return c ? { contactId: c.id } : undefined;
}

/** Insight `json` must be an object; a JSON string holding an object is accepted too. */
export function readJson(v: unknown): Record<string, unknown> | undefined {
  let value = v;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Insight rejects arrays directly inside arrays (an array of objects, e.g. order lines, is fine). */
export function hasNestedArray(v: unknown): boolean {
  if (Array.isArray(v)) return v.some((x) => Array.isArray(x) || hasNestedArray(x));
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasNestedArray);
  return false;
}
