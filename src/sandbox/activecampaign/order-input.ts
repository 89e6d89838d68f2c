// Runs in: Node (simulators). Owns: validating an ecomOrder body (create: every required field; update: what is sent).
import { fieldError, int, isEmail, str, type Ctx, type FieldError } from './http.js';

export interface LineInput {
  externalid: string;
  name: string;
  price: number;
  quantity: number;
  category: string;
  sku: string;
  description: string;
  imageUrl: string;
  productUrl: string;
}

export interface DiscountInput {
  name: string;
  type: string;
  discountAmount: number;
}

export interface OrderInput {
  externalid?: string;
  externalcheckoutid?: string;
  abandonedDate?: string;
  source?: number;
  email?: string;
  totalPrice?: number;
  shippingAmount?: number;
  taxAmount?: number;
  discountAmount?: number;
  currency?: string;
  connectionid?: number;
  customerid?: number;
  orderUrl?: string;
  shippingMethod?: string;
  orderNumber?: string;
  externalCreatedDate?: string;
  externalUpdatedDate?: string;
  lines?: LineInput[];
  discounts?: DiscountInput[];
}

const CENTS = ['totalPrice', 'shippingAmount', 'taxAmount', 'discountAmount'] as const;
const TEXT = ['orderUrl', 'shippingMethod', 'orderNumber', 'externalUpdatedDate'] as const;

/** Money is integer cents, at least zero: `91.11` or `"91.11"` is refused, as a connector sending dollars should be. */
function cents(v: unknown, field: string, errors: FieldError[]): number | undefined {
  const n = int(v);
  if (n === undefined || n < 0)
    errors.push(fieldError(field, 'field_invalid', `${field} must be a whole number of cents, at least 0`));
  return n;
}

const isDate = (v: string | undefined): boolean =>
  v !== undefined && v.trim() !== '' && !Number.isNaN(Date.parse(v));

function lines(raw: unknown, errors: FieldError[]): LineInput[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    errors.push(fieldError('orderProducts', 'field_invalid', 'orderProducts must be an array'));
    return undefined;
  }
  return raw.map((item: unknown, i) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const at = `orderProducts/${i}/`;
    for (const k of ['externalid', 'name'] as const)
      if (!str(o[k]))
        errors.push(fieldError(`${at}${k}`, 'field_missing', `Order product field '${k}' is required`));
    const quantity = int(o['quantity']);
    if (quantity === undefined || quantity < 0)
      errors.push(fieldError(`${at}quantity`, 'field_invalid', 'quantity must be a whole number'));
    const text = (k: string): string => str(o[k]) ?? '';
    return {
      externalid: text('externalid'),
      name: text('name'),
      price: cents(o['price'], `${at}price`, errors) ?? 0,
      quantity: quantity ?? 0,
      category: text('category'),
      sku: text('sku'),
      description: text('description'),
      imageUrl: text('imageUrl'),
      productUrl: text('productUrl'),
    };
  });
}

function discounts(raw: unknown, errors: FieldError[]): DiscountInput[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    errors.push(fieldError('orderDiscounts', 'field_invalid', 'orderDiscounts must be an array'));
    return undefined;
  }
  return raw.map((item: unknown, i) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const type = str(o['type']) ?? 'order';
    if (type !== 'order' && type !== 'shipping')
      errors.push(
        fieldError(
          `orderDiscounts/${i}/type`,
          'field_invalid',
          "Discount type must be 'order' or 'shipping'",
        ),
      );
    return {
      name: str(o['name']) ?? '',
      type,
      discountAmount: cents(o['discountAmount'] ?? 0, `orderDiscounts/${i}/discountAmount`, errors) ?? 0,
    };
  });
}

export function readOrder(
  ctx: Ctx,
  b: Record<string, unknown>,
  create: boolean,
): { input: OrderInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const input: OrderInput = {};
  const missing = (k: string): void =>
    void errors.push(fieldError(k, 'field_missing', `The ecomOrder field '${k}' is required`));
  const has = (k: string): boolean => b[k] !== undefined && b[k] !== null && b[k] !== '';

  if (has('externalid')) input.externalid = str(b['externalid']);
  if (has('externalcheckoutid')) input.externalcheckoutid = str(b['externalcheckoutid']);
  if (create && !input.externalid && !input.externalcheckoutid) missing('externalid');
  // The create page names the key `abandoned_date`; the schema calls it `abandonedDate`. Both are read.
  const abandoned = str(b['abandoned_date']) ?? str(b['abandonedDate']);
  if (abandoned !== undefined) {
    if (!isDate(abandoned))
      errors.push(fieldError('abandoned_date', 'field_invalid', 'abandoned_date is not a valid date'));
    input.abandonedDate = abandoned;
  } else if (create && input.externalcheckoutid && !input.externalid) missing('abandoned_date');

  if (has('source')) {
    const s = int(b['source']);
    if (s !== 0 && s !== 1)
      errors.push(fieldError('source', 'field_invalid', 'source must be 0 (historical) or 1 (real-time)'));
    input.source = s;
  } else if (create) missing('source');

  if (has('email')) {
    const e = str(b['email'])?.trim() ?? '';
    if (!isEmail(e)) errors.push(fieldError('email', 'field_invalid', 'Email address is invalid'));
    input.email = e;
  } else if (create) missing('email');

  for (const k of CENTS) {
    if (has(k)) input[k] = cents(b[k], k, errors);
    else if (create && k === 'totalPrice') missing(k);
  }
  if (has('currency')) {
    const c = str(b['currency']) ?? '';
    if (!/^[A-Za-z]{3}$/.test(c))
      errors.push(fieldError('currency', 'field_invalid', 'currency must be a 3-letter ISO code'));
    input.currency = c.toUpperCase();
  } else if (create) missing('currency');

  if (create || has('connectionid')) {
    const id = int(b['connectionid']);
    if (!has('connectionid')) missing('connectionid');
    else if (!ctx.store.connections.has(id ?? -1))
      errors.push(
        fieldError(
          'connectionid',
          'related_missing',
          `No connection found with id ${String(b['connectionid'])}`,
        ),
      );
    input.connectionid = id;
  }
  if (create || has('customerid')) {
    const id = int(b['customerid']);
    if (!has('customerid')) missing('customerid');
    else if (!ctx.store.ecomCustomers.has(id ?? -1))
      errors.push(
        fieldError('customerid', 'related_missing', `No customer found with id ${String(b['customerid'])}`),
      );
    input.customerid = id;
  }
  if (has('externalCreatedDate')) {
    const d = str(b['externalCreatedDate']);
    if (!isDate(d))
      errors.push(
        fieldError('externalCreatedDate', 'field_invalid', 'externalCreatedDate is not a valid date'),
      );
    input.externalCreatedDate = d;
  } else if (create) missing('externalCreatedDate');

  for (const k of TEXT) if (has(k)) input[k] = str(b[k]);
  input.lines = lines(b['orderProducts'], errors);
  input.discounts = discounts(b['orderDiscounts'], errors);
  return { input, errors };
}
