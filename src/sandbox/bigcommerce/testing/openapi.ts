// Runs in: Node (vitest). Owns: validating simulator responses against the official BigCommerce OpenAPI
// documents, so the simulator cannot drift from the vendor's published shapes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { parse } from 'yaml';

// The specs live beside the repository, in ../shared/specs (see docs/conventions.md).
const specDir = (): string =>
  process.env['BC_SPEC_DIR'] ??
  fileURLToPath(new URL('../../../../../shared/specs/bigcommerce/', import.meta.url));

type Json = Record<string, unknown>;

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

/** OpenAPI 3.0 is not JSON Schema: turn `nullable` into a null type and drop keywords ajv would misread. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === 'example' || k === 'examples' || k === 'discriminator' || k === 'xml' || k.startsWith('x-'))
      continue;
    out[k] = toJsonSchema(v);
  }
  if (out['nullable'] === true) {
    delete out['nullable'];
    if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
    else return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out['enum'])) out['enum'] = [...(out['enum'] as unknown[]), null];
  } else delete out['nullable'];
  return out;
}

/**
 * Known contradictions between a spec's schema and BigCommerce's documented behaviour, patched before
 * compiling (each one is listed in the README under deviations):
 * - products `base_variant_id` is null for products with several variants (spec description) but typed integer;
 * - orders `consignments` is a oneOf of two schemas with no required fields, so every object matches both.
 */
const QUIRKS: Record<string, { nullable?: string[]; anyOf?: string[] }> = {
  'products_catalog.v3.yml': { nullable: ['base_variant_id'] },
  'orders.v2.oas2.yml': { anyOf: ['consignments'] },
};

function applyQuirks(node: unknown, q: { nullable?: string[]; anyOf?: string[] }): void {
  if (!node || typeof node !== 'object') return;
  const props = (node as Json)['properties'] as Json | undefined;
  if (props) {
    for (const [name, schema] of Object.entries(props)) {
      const s = schema as Json;
      if (q.nullable?.includes(name) && typeof s['type'] === 'string') s['type'] = [s['type'], 'null'];
      if (q.anyOf?.includes(name) && Array.isArray(s['oneOf'])) {
        s['anyOf'] = s['oneOf'];
        delete s['oneOf'];
      }
    }
  }
  for (const v of Object.values(node as Json)) applyQuirks(v, q);
}

export class SpecValidator {
  private readonly ajv: Ajv;
  private readonly docs = new Map<string, Json>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const f of [
      'int32',
      'int64',
      'float',
      'double',
      'byte',
      'binary',
      'password',
      'url',
      'ISO-8601',
      'datetime',
      'date-time-rfc-2822',
    ])
      this.ajv.addFormat(f, true);
  }

  private doc(file: string): Json {
    let d = this.docs.get(file);
    if (!d) {
      const raw = parse(readFileSync(specDir() + file, 'utf8')) as Json;
      d = toJsonSchema(raw) as Json;
      const quirks = QUIRKS[file];
      if (quirks) applyQuirks(d, quirks);
      d['$id'] = file;
      this.ajv.addSchema(d as never, file);
      this.docs.set(file, d);
    }
    return d;
  }

  /** The JSON pointer of a response body schema, following `$ref`s into components/responses. */
  private pointer(file: string, path: string, method: string, status: number): string {
    const d = this.doc(file);
    const op = ((d['paths'] as Json)[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
    if (!op) throw new Error(`${file} has no ${method} ${path}`);
    const responses = op['responses'] as Json;
    let resp = (responses[String(status)] ?? responses['default']) as Json | undefined;
    if (!resp) throw new Error(`${file} ${method} ${path} documents no ${status} response`);
    let ptr = `#/paths/${esc(path)}/${method.toLowerCase()}/responses/${responses[String(status)] ? status : 'default'}`;
    while (typeof resp['$ref'] === 'string') {
      ptr = resp['$ref'];
      resp = resolve(d, ptr);
    }
    const content = resp['content'] as Json | undefined;
    if (!content) throw new Error(`${file} ${method} ${path} ${status} has no body schema`);
    const type = Object.keys(content).find((k) => k.includes('json')) ?? Object.keys(content)[0]!;
    return `${ptr}/content/${esc(type)}/schema`;
  }

  /** Returns a list of problems (empty when the body matches the documented schema). */
  check(file: string, path: string, method: string, status: number, body: unknown): string[] {
    const key = `${file} ${method} ${path} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      const ptr = this.pointer(file, path, method, status);
      validate = this.ajv.compile({ $ref: `${file}${ptr}` });
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? [])
      .slice(0, 10)
      .map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }
}

function esc(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function resolve(doc: Json, ptr: string): Json {
  const parts = ptr
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur: unknown = doc;
  for (const p of parts) cur = (cur as Json)[p];
  return cur as Json;
}
