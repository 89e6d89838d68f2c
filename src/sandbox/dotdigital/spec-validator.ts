// Runs in: Node (vitest). Owns: validating simulator answers against the vendor's OpenAPI files in
// shared/specs/dotdigital (beside the project): finds the operation for a method + path, derefs, and runs ajv.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
interface Operation {
  key: string;
  file: string;
  regex: RegExp;
  params: number;
  responses: Json;
}

// The official specs live in shared/ beside the project root (as in CI's checkout); STOREBRIDGE_SPECS overrides.
export const SPEC_DIR = join(
  process.env.STOREBRIDGE_SPECS ?? fileURLToPath(new URL('../../../../shared/specs', import.meta.url)),
  'dotdigital',
);

/**
 * Deliberate deviations (see README): each rewrites one operation's response schema before use.
 * Keyed by `METHOD specPath status`.
 */
export const deviations: Record<string, { reason: string; patch: (schema: Json) => Json }> = {};
const insightJson = (s: Json): Json => {
  const walk = (x: unknown): void => {
    if (x && typeof x === 'object') {
      const o = x as Json;
      const props = o.properties as Json | undefined;
      if (props && props.json) props.json = { type: ['object', 'string'] };
      Object.values(o).forEach(walk);
    }
  };
  walk(s);
  return s;
};
for (const k of [
  'POST /v2/contacts/transactional-data/{collectionName} 201',
  'POST /v2/contacts/transactional-data/{collectionName}/{key} 200',
  'GET /v2/contacts/transactional-data/{collectionName}/{key} 200',
  'GET /v2/contacts/{selector}/transactional-data/{collectionName} 200',
  'GET /v2/transactional-data/{collectionName} 200',
])
  deviations[k] = {
    reason: 'Insight `json` is typed string; dotdigital sends and returns the record as a JSON object.',
    patch: insightJson,
  };
for (const k of [
  'GET /v2/address-books/{id}/contacts/unsubscribed-since/{date} 200',
  'GET /v2/contacts/transactional-data-collections 200',
])
  deviations[k] = {
    reason: 'Typed as an empty object; the list is an array like its account-level sibling.',
    patch: () => ({ type: 'array' }),
  };
const dropClosedBranch = (s: Json): Json => {
  const walk = (x: unknown): void => {
    if (x && typeof x === 'object') {
      const o = x as Json;
      if (Array.isArray(o.allOf)) for (const b of o.allOf as Json[]) delete b.additionalProperties;
      Object.values(o).forEach(walk);
    }
  };
  walk(s);
  return s;
};
for (const k of [
  'GET /insightData/v3/account/{collectionName} 200',
  'GET /insightData/v3/account/{collectionName}/{recordId} 200',
  'GET /insightData/v3/contacts/{identifier}/{value}/{collectionName} 200',
])
  deviations[k] = {
    reason:
      'returnedInsightRecord is allOf(insightRecord, {additionalProperties:false}) which no record with key/json can satisfy.',
    patch: dropClosedBranch,
  };
for (const k of [
  'PATCH /contacts/v3/{identifier}/{value} 200',
  'PATCH /contacts/v3/{identifier}/{value} 201',
  'POST /contacts/v3 201',
  'GET /contacts/v3 200',
  'GET /contacts/v3/{identifier}/{value} 200',
])
  deviations[k] = {
    reason:
      'consentRecords items are allOf(consentRecord {additionalProperties:false}, {dateTimeCreated required}): unsatisfiable as written.',
    patch: dropClosedBranch,
  };

function deref(node: unknown, root: Json, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(n, root, seen));
  if (!node || typeof node !== 'object') return node;
  const o = node as Json;
  if (typeof o.$ref === 'string') {
    const ref = o.$ref;
    if (seen.includes(ref)) return {};
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((acc, k) => (acc as Json)[k], root);
    return deref(target, root, [...seen, ref]);
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'example' || k === 'examples' || k === 'xml' || k === 'discriminator') continue;
    out[k] = deref(v, root, seen);
  }
  // OpenAPI 3.0 `nullable: true` is `type: [t, "null"]` in JSON Schema.
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  return out;
}

export class SpecValidator {
  private readonly ops: Operation[] = [];
  private readonly ajv: Ajv;

  constructor(dir = SPEC_DIR) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    for (const f of ['int32', 'int64', 'json']) this.ajv.addFormat(f, true);
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      const doc = (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as Json;
      for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>))
        for (const [method, op] of Object.entries(item)) {
          if (!op || typeof op !== 'object' || !('responses' in op)) continue;
          const src = '^' + path.replace(/\/$/, '').replace(/\{[^}]+\}/g, '[^/]+') + '/?$';
          this.ops.push({
            key: `${method.toUpperCase()} ${path}`,
            file,
            regex: new RegExp(src),
            params: (path.match(/\{/g) ?? []).length,
            responses: deref((op as Json).responses, doc) as Json,
          });
        }
    }
  }

  /** The operations a call may map to: literal segments win over parameters; ties are all returned. */
  find(method: string, path: string): Operation[] {
    const all = this.ops.filter((o) => o.key.startsWith(`${method.toUpperCase()} `) && o.regex.test(path));
    const min = Math.min(...all.map((o) => o.params));
    return all.filter((o) => o.params === min);
  }

  /** Like checkOne, over every equally specific operation (e.g. enrolments/{id} and enrolments/{status}). */
  check(
    method: string,
    path: string,
    status: number,
    body: unknown,
  ): { op?: string; result: 'no-operation' | 'no-schema' | string[] } {
    const ops = this.find(method, path);
    if (ops.length === 0) return { result: 'no-operation' };
    const results = ops.map((op) => this.checkOne(op, status, body));
    return results.find((r) => Array.isArray(r.result) && r.result.length === 0) ?? results[0]!;
  }

  /** Returns 'no-schema', or the ajv errors (empty when valid). */
  private checkOne(
    op: Operation,
    status: number,
    body: unknown,
  ): { op?: string; result: 'no-schema' | string[] } {
    const resp = op.responses[String(status)] as Json | undefined;
    const content = resp?.content as Record<string, { schema?: Json }> | undefined;
    const schema = content ? Object.values(content).find((c) => c.schema)?.schema : undefined;
    if (!schema || body === undefined) return { op: op.key, result: 'no-schema' };
    const dev = deviations[`${op.key} ${status}`];
    const finalSchema = dev ? dev.patch(structuredClone(schema)) : schema;
    const validate: ValidateFunction = this.ajv.compile(finalSchema);
    return {
      op: op.key,
      result: validate(body)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`),
    };
  }
}
