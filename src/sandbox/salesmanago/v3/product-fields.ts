// Runs in: Node (simulators). Owns: checking one v3 product: required fields, types and lengths; a too-long
// description is trimmed with a warning (reasonCode 12) rather than refused.
import { lengthMessage, Reason, type Problem } from './reply.js';

const DESCRIPTION_MAX = 2000;
const TEXT_MAX = 255;
const URL_MAX = 2048;

const texts: Record<string, number> = {
  productId: TEXT_MAX,
  name: TEXT_MAX,
  mainCategory: TEXT_MAX,
  categoryExternalId: TEXT_MAX,
  productUrl: URL_MAX,
  mainImageUrl: URL_MAX,
};
const numbers = ['price', 'discountPrice', 'unitPrice'];
const booleans = ['available', 'active'];
const stringLists = ['categories', 'imageUrls'];
const objects = ['systemDetails', 'customDetails'];

export interface CheckedProduct {
  fields: Record<string, unknown>;
  errors: Problem[];
  warnings: Problem[];
}

/** `required` lists the fields this call needs (upsert: productId and name; quantity/price updates: productId). */
export function checkProduct(raw: unknown, at: string, required: string[]): CheckedProduct {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      fields: {},
      errors: [{ reasonCode: Reason.type, message: `${at}|must be an object` }],
      warnings,
    };
  }
  const fields = { ...(raw as Record<string, unknown>) };
  const err = (code: number, msg: string) => errors.push({ reasonCode: code, message: `${at}.${msg}` });

  for (const f of required) {
    if (fields[f] === undefined || fields[f] === null || fields[f] === '')
      err(Reason.missing, `${f}|required`);
  }
  for (const [f, max] of Object.entries(texts)) {
    const v = fields[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') err(Reason.type, `${f}|must be a string`);
    else if (v.length > max) err(Reason.limit, lengthMessage(f, 0, max, 'too long'));
  }
  const d = fields['description'];
  if (d !== undefined && d !== null) {
    if (typeof d !== 'string') err(Reason.type, 'description|must be a string');
    else if (d.length > DESCRIPTION_MAX) {
      fields['description'] = d.slice(0, DESCRIPTION_MAX);
      warnings.push({
        reasonCode: Reason.trimmed,
        message: `${at}.${lengthMessage('description', 0, DESCRIPTION_MAX, 'trimmed')}`,
      });
    }
  }
  for (const f of numbers) {
    const v = fields[f];
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
      err(Reason.type, `${f}|must be a number`);
  }
  const q = fields['quantity'];
  if (q !== undefined && q !== null && (typeof q !== 'number' || !Number.isInteger(q)))
    err(Reason.type, 'quantity|must be an integer');
  for (const f of booleans) {
    const v = fields[f];
    if (v !== undefined && v !== null && typeof v !== 'boolean') err(Reason.type, `${f}|must be a boolean`);
  }
  for (const f of stringLists) {
    const v = fields[f];
    if (v !== undefined && v !== null && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) {
      err(Reason.type, `${f}|must be a list of strings`);
    }
  }
  for (const f of objects) {
    const v = fields[f];
    if (v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v)))
      err(Reason.type, `${f}|must be an object`);
  }
  return { fields, errors, warnings };
}
