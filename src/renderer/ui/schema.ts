// Runs in: renderer. Owns: reading the JSON Schemas platforms publish (credentials, settings) into a flat list
// of form fields, with defaults; anything a simple input cannot edit is edited as JSON.
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  format?: string;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
}

export type FieldKind = 'text' | 'secret' | 'url' | 'select' | 'boolean' | 'number' | 'tags' | 'json';

export interface FormField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  nullable: boolean;
  description?: string;
  options?: string[];
  default?: unknown;
}

const SECRET = /(key|secret|password|token)$/i;

export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function kindOf(key: string, s: JsonSchema): FieldKind {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (s.enum) return 'select';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'array' && s.items?.type === 'string' && !s.items.enum) return 'tags';
  if (type === 'string') return s.format === 'uri' ? 'url' : SECRET.test(key) ? 'secret' : 'text';
  return 'json';
}

export function fieldsOf(schema: unknown): FormField[] {
  const s = (schema ?? {}) as JsonSchema;
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([key, prop]) => {
    // `X | null` is offered as X, left empty for null.
    const nonNull = prop.anyOf?.filter((a) => a.type !== 'null');
    const nullable = !!prop.anyOf && nonNull?.length !== prop.anyOf.length;
    const inner = nonNull?.length === 1 ? { ...nonNull[0], description: prop.description } : prop;
    const kind = kindOf(key, inner);
    return {
      key,
      label: humanize(key),
      kind,
      required: required.has(key),
      nullable,
      description: prop.description,
      options: inner.enum?.map(String),
      default: prop.default,
    };
  });
}

/** The starting values of a form: each field's default, as the input for its kind holds it. */
export function defaultsOf(fields: FormField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.default === undefined || f.default === null) continue;
    out[f.key] = f.kind === 'json' ? JSON.stringify(f.default) : f.default;
  }
  return out;
}

/** What is sent to main: empty optional fields left out, JSON fields parsed (main validates the rest). */
export function toPayload(fields: FormField[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === '' || v === null) {
      if (f.nullable && values[f.key] === '') out[f.key] = null;
      continue;
    }
    if (f.kind === 'json' && typeof v === 'string') {
      try {
        out[f.key] = JSON.parse(v);
      } catch {
        throw new Error(`${f.label} is not valid JSON`);
      }
    } else out[f.key] = v;
  }
  return out;
}
