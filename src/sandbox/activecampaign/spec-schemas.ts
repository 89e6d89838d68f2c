// Runs in: Node (vitest). Owns: loading the ActiveCampaign OpenAPI files and finding a response schema per call.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// The official specs live in shared/ beside the project root (as in CI's checkout); STOREBRIDGE_SPECS overrides.
export const SPEC_DIR = join(
  process.env.STOREBRIDGE_SPECS ?? fileURLToPath(new URL('../../../../shared/specs', import.meta.url)),
  'activecampaign',
);

type Json = Record<string, unknown>;

export interface SpecOp {
  method: string;
  template: string;
  regex: RegExp;
  /** status → JSON schema (already dereferenced and converted from OpenAPI 3.0). */
  responses: Map<string, Json>;
}

/** Replaces local `$ref`s by their targets (with a guard against cycles). */
function deref(node: unknown, root: Json, seen: Set<string> = new Set()): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(n, root, seen));
  if (!node || typeof node !== 'object') return node;
  const o = node as Json;
  const ref = o['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    if (seen.has(ref)) return {};
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (acc, k) => (acc as Json | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')],
        root,
      );
    return deref(target, root, new Set([...seen, ref]));
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, deref(v, root, seen)]));
}

/**
 * OpenAPI 3.0 `nullable: true` becomes a JSON Schema type union with null; examples are dropped. The compiled files
 * list alternative error examples under `oneOf` with loose, overlapping objects, so no body could match exactly
 * one: they are read as `anyOf`.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === 'example' || k === 'examples' || k === 'nullable' || k === 'x-microcks-operation') continue;
    const key = k === 'oneOf' ? 'anyOf' : k;
    out[key] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, toJsonSchema(s)]))
        : toJsonSchema(v);
  }
  const o = node as Json;
  if (o['nullable'] === true) {
    if (typeof o['type'] === 'string') out['type'] = [o['type'], 'null'];
    else if (Array.isArray(o['enum'])) out['enum'] = [...(o['enum'] as unknown[]), null];
  }
  return out;
}

export function loadSpecOps(): SpecOp[] {
  const ops: SpecOp[] = [];
  for (const file of readdirSync(SPEC_DIR).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(join(SPEC_DIR, file), 'utf8')) as Json;
    const paths = (doc['paths'] ?? {}) as Record<string, Record<string, Json>>;
    for (const [template, methods] of Object.entries(paths)) {
      const regex = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, op] of Object.entries(methods)) {
        const responses = new Map<string, Json>();
        for (const [status, r] of Object.entries((op['responses'] ?? {}) as Record<string, Json>)) {
          const content = (deref(r, doc) as Json)['content'] as Record<string, Json> | undefined;
          const schema = Object.values(content ?? {})[0]?.['schema'];
          if (schema) responses.set(status, toJsonSchema(deref(schema, doc)) as Json);
        }
        ops.push({ method: method.toUpperCase(), template, regex, responses });
      }
    }
  }
  return ops;
}

export function findOp(ops: SpecOp[], method: string, path: string): SpecOp | undefined {
  return ops.find((o) => o.method === method && o.regex.test(path));
}
