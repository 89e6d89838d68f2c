// Runs in: Node (vitest). Owns: a small HTTP client and fixtures shared by the simulator's own tests.
import { startActiveCampaignSim, type AcSimOptions, type ActiveCampaignSim } from './index.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read any shape
}

export interface Client {
  sim: ActiveCampaignSim;
  ac: (method: string, path: string, body?: unknown, key?: string | null) => Promise<Answer>;
  sim$: (method: string, path: string, body?: unknown) => Promise<Answer>;
}

/** Starts a simulator with a generous rate limit (tests of the limit pass their own). */
export async function startClient(options: AcSimOptions = {}): Promise<Client> {
  const sim = await startActiveCampaignSim({ rateLimit: 10_000, ...options });
  const call = async (
    url: string,
    method: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Answer> => {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
  };
  return {
    sim,
    ac: (method, path, body, key) => {
      const headers: Record<string, string> =
        key === null ? {} : { 'Api-Token': key ?? sim.credentials.apiKey };
      return call(sim.credentials.apiUrl + path, method, body, headers);
    },
    sim$: (method, path, body) => call(sim.url + path, method, body, {}),
  };
}

/** A connection, one customer and the ids a test needs to post orders. */
export async function seedStore(c: Client): Promise<{ connectionid: string; customerid: string }> {
  const conn = await c.ac('POST', '/connections', {
    connection: {
      service: 'bigcommerce',
      externalid: 'store-abc',
      name: 'Demo',
      logoUrl: 'https://x/l.png',
      linkUrl: 'https://x',
    },
  });
  const cust = await c.ac('POST', '/ecomCustomers', {
    ecomCustomer: {
      connectionid: conn.body.connection.id,
      externalid: '42',
      email: 'alice@example.com',
      acceptsMarketing: '1',
    },
  });
  return { connectionid: conn.body.connection.id, customerid: cust.body.ecomCustomer.id };
}

export function order(ids: { connectionid: string; customerid: string }, over: Record<string, unknown> = {}) {
  return {
    ecomOrder: {
      externalid: '1001',
      source: 1,
      email: 'alice@example.com',
      orderProducts: [
        { externalid: 'P1', name: 'Pogo Stick', price: 4900, quantity: 2, category: 'Toys', sku: 'POGO' },
      ],
      orderDiscounts: [{ name: '1OFF', type: 'order', discountAmount: 100 }],
      orderUrl: 'https://store.example.com/orders/1001',
      externalCreatedDate: '2024-05-01T10:00:00-03:00',
      shippingMethod: 'UPS Ground',
      totalPrice: 9800,
      shippingAmount: 200,
      taxAmount: 0,
      discountAmount: 100,
      currency: 'USD',
      orderNumber: '1001',
      connectionid: ids.connectionid,
      customerid: ids.customerid,
      ...over,
    },
  };
}

/** Waits for a condition instead of sleeping a fixed time. */
export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
