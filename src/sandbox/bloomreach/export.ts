// Runs in: Node (simulators). Owns: "Export all customers" (ids and properties as csv, table_json or native_json).
import type { SimResponse } from '../kit/index.js';
import type { Ctx } from './context.js';
import { authError, isPlainObject } from './errors.js';

type Column = { kind: 'id'; name: string } | { kind: 'property'; name: string };

function columns(ctx: Ctx, attributes: unknown): Column[] | string {
  if (
    attributes === undefined ||
    (isPlainObject(attributes) && attributes['type'] === 'properties_and_ids')
  ) {
    const props = new Set<string>();
    for (const c of ctx.store.customers.values()) for (const k of Object.keys(c.properties)) props.add(k);
    return [
      ...ctx.opts.idTypes.map((t) => ({ kind: 'id' as const, name: t.name })),
      ...[...props].sort().map((name) => ({ kind: 'property' as const, name })),
    ];
  }
  if (!isPlainObject(attributes) || attributes['type'] !== 'some' || !Array.isArray(attributes['list'])) {
    return "attributes.type must be 'some' (with a list) or 'properties_and_ids'";
  }
  const out: Column[] = [];
  for (const a of attributes['list']) {
    if (isPlainObject(a) && a['type'] === 'id' && typeof a['id'] === 'string')
      out.push({ kind: 'id', name: a['id'] });
    else if (isPlainObject(a) && a['type'] === 'property' && typeof a['property'] === 'string') {
      out.push({ kind: 'property', name: a['property'] });
    } else return 'attributes.list entries are {type:"id",id} or {type:"property",property}';
  }
  return out;
}

export function exportAll(ctx: Ctx, body: Record<string, unknown>): SimResponse {
  const format = body['format'] ?? 'table_json';
  if (format !== 'csv' && format !== 'table_json' && format !== 'native_json') {
    return authError(400, "format must be 'csv', 'table_json' or 'native_json'");
  }
  const cols = columns(ctx, body['attributes']);
  if (typeof cols === 'string') return authError(400, cols);
  const header = cols.map((c) => (c.kind === 'id' ? `ids.${c.name}` : `properties.${c.name}`));
  const rows = [...ctx.store.customers.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((c) =>
      cols.map((col) =>
        col.kind === 'id'
          ? (c.hard[col.name] ?? c.soft[col.name]?.at(-1) ?? null)
          : (c.properties[col.name]?.value ?? null),
      ),
    );
  if (format === 'native_json') return { status: 200, body: { fields: header, data: rows } };
  if (format === 'table_json') return { status: 200, body: { header, rows } };
  const cell = (v: unknown): string => {
    const s = v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const csv = [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
  return { status: 200, rawBody: csv, headers: { 'content-type': 'text/csv; charset=utf-8' } };
}
