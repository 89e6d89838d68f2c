// Runs in: main (Electron-free). Owns: BigCommerceClient, the typed resources a sync reads (and the script and
// webhook CRUD it writes), each page parsed record by record at the edge.
import type { z } from 'zod';
import { AppError } from '../core/errors.js';
import { v2Pages, v3Pages, type PageOptions, type RawPage } from './paginate.js';
import { withQuery, type Query } from './query.js';
import { parseRecord } from './schemas/common.js';
import { cartSchema, type Cart } from './schemas/cart.js';
import * as C from './schemas/catalog.js';
import * as U from './schemas/customers.js';
import * as O from './schemas/orders.js';
import * as S from './schemas/store.js';
import { Transport, type TransportOptions } from './transport.js';

export interface Page<T> {
  page: number;
  items: T[];
  total?: number;
  totalPages?: number;
}

export type ListOptions = PageOptions & { query?: Query };

/** Line items come inline with the orders: never one extra call per order. */
export const ORDER_INCLUDE: Query = { include: 'consignments.line_items', consignment_structure: 'object' };
export const CUSTOMER_INCLUDE = 'addresses,attributes,formfields';
export const PRODUCT_INCLUDE = 'variants,images,primary_image';
/** The recovery link (`redirect_urls.cart_url`) is what an abandoned-cart message needs. */
export const CART_INCLUDE: Query = { include: 'redirect_urls' };

export class BigCommerceClient {
  readonly transport: Transport;

  constructor(opts: TransportOptions | Transport) {
    this.transport = opts instanceof Transport ? opts : new Transport(opts);
  }

  /** Calls made so far (every attempt, retries included). */
  get calls(): number {
    return this.transport.calls;
  }

  // ---- customers -------------------------------------------------------------------------------------
  customerPages(o: ListOptions = {}): AsyncGenerator<Page<U.Customer>> {
    return this.v3('customer', U.customer, '/v3/customers', { include: CUSTOMER_INCLUDE, ...o.query }, o);
  }
  async customerConsent(customerId: number, signal?: AbortSignal): Promise<U.CustomerConsent> {
    // Not wrapped in {data}: the consent endpoint answers the object itself.
    const body = await this.getJson(`/v3/customers/${customerId}/consent`, {}, signal);
    return parseRecord(U.customerConsent, 'customer consent', { id: customerId, ...(body as object) });
  }
  formFieldValuePages(o: ListOptions = {}) {
    return this.v3('form field value', U.formField, '/v3/customers/form-field-values', o.query, o);
  }
  customerAttributePages(o: ListOptions = {}) {
    return this.v3('customer attribute', U.customerAttribute, '/v3/customers/attributes', o.query, o);
  }
  customerAttributeValuePages(o: ListOptions = {}) {
    return this.v3(
      'customer attribute value',
      U.customerAttributeValue,
      '/v3/customers/attribute-values',
      o.query,
      o,
    );
  }
  subscriberPages(o: ListOptions = {}): AsyncGenerator<Page<U.Subscriber>> {
    return this.v3('subscriber', U.subscriber, '/v3/customers/subscribers', o.query, o);
  }

  // ---- orders ----------------------------------------------------------------------------------------
  orderPages(o: ListOptions = {}): AsyncGenerator<Page<O.Order>> {
    return this.v2('order', O.order, '/v2/orders', { ...ORDER_INCLUDE, ...o.query }, o);
  }
  async order(id: number, signal?: AbortSignal): Promise<O.Order> {
    return parseRecord(O.order, 'order', await this.getJson(`/v2/orders/${id}`, ORDER_INCLUDE, signal));
  }
  async orderCount(query: Query = {}, signal?: AbortSignal): Promise<number> {
    return parseRecord(O.orderCount, 'order count', await this.getJson('/v2/orders/count', query, signal))
      .count;
  }
  orderProductPages(orderId: number, o: ListOptions = {}) {
    return this.v2('order product', O.orderProduct, `/v2/orders/${orderId}/products`, o.query, o);
  }
  orderShippingAddressPages(orderId: number, o: ListOptions = {}) {
    return this.v2(
      'shipping address',
      O.shippingAddress,
      `/v2/orders/${orderId}/shipping_addresses`,
      o.query,
      o,
    );
  }
  async orderStatuses(signal?: AbortSignal): Promise<O.OrderStatus[]> {
    return this.list('order status', O.orderStatus, await this.getJson('/v2/order_statuses', {}, signal));
  }

  // ---- catalog ---------------------------------------------------------------------------------------
  productPages(o: ListOptions = {}): AsyncGenerator<Page<C.Product>> {
    return this.v3('product', C.product, '/v3/catalog/products', { include: PRODUCT_INCLUDE, ...o.query }, o);
  }
  brandPages(o: ListOptions = {}) {
    return this.v3('brand', C.brand, '/v3/catalog/brands', o.query, o);
  }
  categoryPages(o: ListOptions = {}) {
    return this.v3('category', C.category, '/v3/catalog/categories', o.query, o);
  }

  // ---- store -----------------------------------------------------------------------------------------
  channelPages(o: ListOptions = {}): AsyncGenerator<Page<S.Channel>> {
    return this.v3('channel', S.channel, '/v3/channels', o.query, o);
  }
  currencyPages(o: ListOptions = {}): AsyncGenerator<Page<S.Currency>> {
    return this.v2('currency', S.currency, '/v2/currencies', o.query, o);
  }
  async storeInfo(signal?: AbortSignal): Promise<S.StoreInfo> {
    return parseRecord(S.storeInfo, 'store information', await this.getJson('/v2/store', {}, signal));
  }
  /** The store's clock (epoch ms): cursors are compared with it, never with this machine's clock. */
  async storeTime(signal?: AbortSignal): Promise<number> {
    return parseRecord(S.storeTime, 'store time', await this.getJson('/v2/time', {}, signal)).epochMs;
  }

  // ---- carts (no listing: read one by the id a store/cart/* webhook names) ----------------------------
  /** The cart with its recovery links; null when it is gone (converted into an order, or deleted). */
  async getCart(id: string, signal?: AbortSignal): Promise<Cart | null> {
    try {
      const body = await this.getJson(`/v3/carts/${encodeURIComponent(id)}`, CART_INCLUDE, signal);
      return parseRecord(cartSchema, 'cart', (body as { data?: unknown } | null)?.data);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    }
  }

  // ---- scripts (CRUD) --------------------------------------------------------------------------------
  scriptPages(o: ListOptions = {}): AsyncGenerator<Page<S.Script>> {
    return this.v3('script', S.script, '/v3/content/scripts', o.query, o);
  }
  async getScript(uuid: string, signal?: AbortSignal): Promise<S.Script> {
    return this.one(
      'script',
      S.script,
      'GET',
      `/v3/content/scripts/${encodeURIComponent(uuid)}`,
      undefined,
      signal,
    );
  }
  async createScript(body: Record<string, unknown>, signal?: AbortSignal): Promise<S.Script> {
    return this.one('script', S.script, 'POST', '/v3/content/scripts', body, signal);
  }
  async updateScript(uuid: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<S.Script> {
    return this.one(
      'script',
      S.script,
      'PUT',
      `/v3/content/scripts/${encodeURIComponent(uuid)}`,
      body,
      signal,
    );
  }
  async deleteScript(uuid: string, signal?: AbortSignal): Promise<void> {
    await this.transport.request('DELETE', `/v3/content/scripts/${encodeURIComponent(uuid)}`, { signal });
  }

  // ---- webhooks (CRUD) -------------------------------------------------------------------------------
  webhookPages(o: ListOptions = {}): AsyncGenerator<Page<S.Webhook>> {
    return this.v3('webhook', S.webhook, '/v3/hooks', o.query, o);
  }
  async getWebhook(id: number, signal?: AbortSignal): Promise<S.Webhook> {
    return this.one('webhook', S.webhook, 'GET', `/v3/hooks/${id}`, undefined, signal);
  }
  async createWebhook(
    body: {
      scope: string;
      destination: string;
      is_active?: boolean;
      headers?: Record<string, string> | null;
    },
    signal?: AbortSignal,
  ): Promise<S.Webhook> {
    return this.one('webhook', S.webhook, 'POST', '/v3/hooks', body, signal);
  }
  async updateWebhook(id: number, body: Record<string, unknown>, signal?: AbortSignal): Promise<S.Webhook> {
    return this.one('webhook', S.webhook, 'PUT', `/v3/hooks/${id}`, body, signal);
  }
  async deleteWebhook(id: number, signal?: AbortSignal): Promise<void> {
    await this.transport.request('DELETE', `/v3/hooks/${id}`, { signal });
  }

  // ---- plumbing --------------------------------------------------------------------------------------
  /** GET a path and return the JSON body (null for 204). */
  async getJson(path: string, query: Query = {}, signal?: AbortSignal): Promise<unknown> {
    return (await this.transport.request('GET', withQuery(path, query), { signal })).body;
  }

  private async *v3<T extends z.ZodType>(
    resource: string,
    schema: T,
    path: string,
    query: Query = {},
    o: PageOptions = {},
  ): AsyncGenerator<Page<z.output<T>>> {
    for await (const raw of v3Pages(this.transport, path, query, o))
      yield this.parsePage(resource, schema, raw);
  }

  private async *v2<T extends z.ZodType>(
    resource: string,
    schema: T,
    path: string,
    query: Query = {},
    o: PageOptions = {},
  ): AsyncGenerator<Page<z.output<T>>> {
    for await (const raw of v2Pages(this.transport, path, query, o))
      yield this.parsePage(resource, schema, raw);
  }

  private parsePage<T extends z.ZodType>(resource: string, schema: T, raw: RawPage): Page<z.output<T>> {
    return { ...raw, items: raw.items.map((item) => parseRecord(schema, resource, item)) };
  }

  private list<T extends z.ZodType>(resource: string, schema: T, body: unknown): Array<z.output<T>> {
    if (body === null) return [];
    if (!Array.isArray(body))
      throw new AppError('upstream', `BigCommerce answered a ${resource} list that is not an array.`);
    return body.map((item) => parseRecord(schema, resource, item));
  }

  private async one<T extends z.ZodType>(
    resource: string,
    schema: T,
    method: string,
    path: string,
    json: unknown,
    signal?: AbortSignal,
  ): Promise<z.output<T>> {
    const res = await this.transport.request(method, path, { json, signal });
    const data = (res.body as { data?: unknown } | null)?.data;
    return parseRecord(schema, resource, data);
  }
}

/** Every record of a paged listing, in order. */
export async function* records<T>(pages: AsyncIterable<Page<T>>): AsyncGenerator<T> {
  for await (const p of pages) yield* p.items;
}
