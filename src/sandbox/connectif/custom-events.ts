// Runs in: Node (simulators). Owns: POST /custom-events/alias/{alias}: strict payloads checked against
// the event type's fields, the 512 KB cap, and the E0501 contact check.
import type { Router } from '../kit/index.js';
import { coded, httpError, notFound, unprocessable } from './errors.js';
import type { Gate } from './gate.js';
import { emailKey, iso, newId } from './state.js';
import { checkFieldValue, isObject, type Problems } from './validate.js';

const MAX_EVENT_BYTES = 512 * 1024;

export function addCustomEventRoutes(router: Router, gate: Gate, now: () => number): void {
  router.post(
    '/custom-events/alias/:alias',
    gate.wrap('customEvents:write', (req, { store }) => {
      const type = store.customEventTypes.find((t) => t.alias === req.params['alias']);
      if (!type) return notFound(`Custom event type with alias ${req.params['alias'] ?? ''}`);
      if (req.rawBody.length > MAX_EVENT_BYTES) return httpError(413, 'Custom event exceeds 512 KB');
      const createContact = req.query.get('createContact') ?? 'false';
      if (createContact !== 'true' && createContact !== 'false')
        return unprocessable(['createContact must be true or false']);
      if (!isObject(req.body)) return unprocessable(['the body must be a JSON object']);
      const body = req.body;
      const p: Problems = [];
      for (const [k, v] of Object.entries(body)) {
        const def = type.fields.find((f) => f.id === k);
        if (!def) p.push(`${k} is not a field of event type ${type.alias}`);
        else checkFieldValue(p, k, def, v);
      }
      for (const f of type.fields)
        if ((f.required || f.isPrimaryKey) && (body[f.id] === undefined || body[f.id] === null))
          p.push(`${f.id} is required`);
      if (p.length) return unprocessable(p);

      const pk = type.fields.find((f) => f.isPrimaryKey);
      const email = pk ? emailKey(String(body[pk.id])) : undefined;
      const t = now();
      if (email !== undefined && !store.contacts.has(email)) {
        if (createContact === 'false') return coded('E0501', `Contact with email ${email} does not exist.`);
        store.contacts.set(email, { id: newId(), email, createdAt: t, updatedAt: t, data: {} });
      }
      const rec = { id: newId(), alias: type.alias, email, createdAt: t, payload: structuredClone(body) };
      store.customEvents.push(rec);
      if (email) store.activities.push({ type: `custom-event:${type.alias}`, email, at: t });
      return { status: 201, body: { id: rec.id, alias: rec.alias, createdAt: iso(t), ...rec.payload } };
    }),
  );
}
