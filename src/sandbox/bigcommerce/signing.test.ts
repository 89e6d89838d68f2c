// Runs in: Node (vitest). Owns: Standard Webhooks signing of callbacks: signed with the hook's API account's
// client secret over the raw body, the same message id on a retry with a fresh timestamp, unsigned without one.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startBigCommerceSim, type BigCommerceSim } from './index.js';
import { call, waitFor } from './testing/harness.js';

let receiver: Server;
let received: Array<{ raw: string; headers: IncomingHttpHeaders }>;
let answers: number[];
let url: string;
let sim: BigCommerceSim;
let clock = 1_700_000_000_000;

beforeEach(async () => {
  received = [];
  answers = [];
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  sim = await startBigCommerceSim({
    now: () => clock,
    webhooks: { timeScale: 0.000005 },
    stores: [
      {
        hash: 's1',
        quota: 1_000_000,
        seed: { customers: 3 },
        tokens: [{ token: 'signed-app', clientSecret: 'the-client-secret' }, { token: 'plain-app' }],
      },
    ],
  });
});
afterEach(async () => {
  await sim.close();
  await new Promise((r) => receiver.close(r));
});

const hook = (token: string) =>
  call(sim, '/v3/hooks', { method: 'POST', token, body: { scope: 'store/customer/*', destination: url } });
const createCustomer = () =>
  call(sim, '/v3/customers', {
    method: 'POST',
    token: 'signed-app',
    body: [{ email: `c${received.length}@sig.test`, first_name: 'S', last_name: 'G' }],
  });

it('signs callbacks with the API account client secret, the same id on a retry with its own timestamp', async () => {
  await hook('signed-app');
  answers.push(500); // the first attempt fails, so the callback is retried
  await createCustomer();
  const [first, retry] = await waitFor(() => (received.length >= 2 ? received : undefined));
  for (const r of [first!, retry!]) {
    const id = r.headers['webhook-id'] as string;
    const ts = r.headers['webhook-timestamp'] as string;
    const mac = createHmac('sha256', 'the-client-secret').update(`${id}.${ts}.${r.raw}`).digest('base64');
    expect(r.headers['webhook-signature']).toBe(`v1,${mac}`);
    expect(Number(ts)).toBe(Math.floor(clock / 1000));
  }
  expect(retry!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
  expect(first!.headers['webhook-id']).toMatch(/^msg_/);
  clock += 60_000;
  await createCustomer();
  const next = await waitFor(() => received[2]);
  expect(next.headers['webhook-id']).not.toBe(first!.headers['webhook-id']);
  expect(next.headers['webhook-timestamp']).toBe(String(Math.floor(clock / 1000)));
});

it('sends callbacks unsigned for an API account without a client secret', async () => {
  await hook('plain-app');
  await createCustomer();
  const r = await waitFor(() => received[0]);
  expect(r.headers['webhook-signature']).toBeUndefined();
  expect(r.headers['webhook-id']).toBeUndefined();
});
