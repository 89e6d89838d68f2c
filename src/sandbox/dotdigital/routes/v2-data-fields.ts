// Runs in: Node (simulators). Owns: v2 contact data fields: create (name and type rules), list, delete.
import { msg, v2Error } from '../errors.js';
import { coerce, fieldNamePattern } from '../fields.js';
import type { DataField } from '../store.js';
import { type Add, obj, ok } from './shared.js';

const types = ['String', 'Numeric', 'Date', 'Boolean'];
const view = (f: DataField) => ({
  name: f.name,
  type: f.type,
  visibility: f.visibility,
  defaultValue: f.defaultValue,
});

export function v2DataFieldRoutes(add: Add): void {
  add('POST', '/v2/data-fields', 'medium', (req, acct) => {
    const b = obj(req.body);
    if (typeof b.name !== 'string' || !fieldNamePattern.test(b.name))
      return v2Error(400, msg.invalid('name must be 1 to 20 characters: letters, digits, _ or -.'));
    if (typeof b.type !== 'string' || !types.includes(b.type))
      return v2Error(400, msg.invalid(`type must be one of ${types.join(', ')}.`));
    if (b.visibility !== undefined && b.visibility !== 'Private' && b.visibility !== 'Public')
      return v2Error(400, msg.invalid('visibility must be Private or Public.'));
    if (acct.store.field(b.name)) return v2Error(400, msg.dataFieldExists);
    const field: DataField = {
      name: b.name.toUpperCase(),
      type: b.type as DataField['type'],
      visibility: (b.visibility ?? 'Private') as DataField['visibility'],
      defaultValue: null,
    };
    if (b.defaultValue !== undefined && b.defaultValue !== null) {
      const v = coerce(field, b.defaultValue);
      if (v === undefined) return v2Error(400, msg.invalid(`defaultValue is not a valid ${field.type}.`));
      field.defaultValue = v;
    }
    acct.store.fields.set(field.name, field);
    return ok(view(field), 201);
  });
  add('GET', '/v2/data-fields', 'high', (_req, acct) => ok([...acct.store.fields.values()].map(view)));
  add('DELETE', '/v2/data-fields/:name', 'medium', (req, acct) => {
    const f = acct.store.field(req.params.name!);
    if (!f) return v2Error(404, msg.dataFieldNotFound(req.params.name!));
    acct.store.fields.delete(f.name);
    for (const c of acct.store.contacts.values()) delete c.dataFields[f.name];
    return ok({ dependencies: [], result: true });
  });
}
