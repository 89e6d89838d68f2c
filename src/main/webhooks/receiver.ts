// Runs in: main (Electron-free). Owns: the local HTTP listener (127.0.0.1) that the user's public HTTPS URL
// forwards BigCommerce callbacks to. It checks path and secret header, parses the payload with zod, answers at
// once and hands accepted callbacks on; what a callback means is the service's business. With the store's client
// secret it also checks the Standard Webhooks signature on the raw body (signature.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { checkSignature } from './signature.js';

/** Every hook the console registers sends this header with the store's secret (BigCommerce `headers`). */
export const SECRET_HEADER = 'x-storebridge-hook-secret';
/** The per-store path is `${HOOK_PATH}/<path token>`. */
export const HOOK_PATH = '/bigcommerce/hooks';
const MAX_BODY = 256 * 1024;

/** The documented callback (reference §5.2), loose: unknown fields are kept, never trusted as data. */
export const callbackSchema = z.looseObject({
  scope: z.string().regex(/^store\//),
  store_id: z.union([z.string(), z.number()]).optional(),
  data: z.looseObject({ type: z.string().optional(), id: z.union([z.number(), z.string()]).optional() }),
  hash: z.string().optional(),
  created_at: z.number().optional(),
  producer: z.string().optional(),
});
export type Callback = z.infer<typeof callbackSchema>;

export interface ReceiverTarget {
  storeId: string;
  secret: string;
  /** The API account's client secret: when set, every callback must carry a valid signature too. */
  clientSecret?: string;
}

export type Refusal = {
  status: 401 | 404 | 400 | 405 | 413;
  reason: string;
  storeId?: string;
  /** Which check refused it, so unlike refusals are not counted as one. */
  kind?: string;
};

export interface ReceiverHandlers {
  /** The store a path token belongs to, with its secret; undefined for a path the console never registered. */
  resolve(pathToken: string): ReceiverTarget | undefined | Promise<ReceiverTarget | undefined>;
  /** Called after the 200 is sent. `hash` is the payload's own, else the SHA-1 of the raw body. */
  accepted(storeId: string, callback: Callback, hash: string): void;
  refused(r: Refusal): void;
  /** The clock signature timestamps are checked against. Default Date.now. */
  now?(): number;
}

export class WebhookReceiver {
  private server: Server | undefined;

  constructor(private readonly h: ReceiverHandlers) {}

  /** Listens on 127.0.0.1 only: the public side is the user's reverse proxy or tunnel. */
  async start(port = 0): Promise<{ url: string; port: number }> {
    if (this.server) throw new Error('The webhook receiver is already running.');
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const p = (server.address() as AddressInfo).port;
    return { url: `http://127.0.0.1:${p}`, port: p };
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refuse = (r: Refusal) => {
      res.writeHead(r.status).end();
      this.h.refused(r);
    };
    const path = (req.url ?? '').split('?')[0] ?? '';
    const token = path.startsWith(`${HOOK_PATH}/`) ? path.slice(HOOK_PATH.length + 1) : '';
    const target = token ? await this.h.resolve(token) : undefined;
    if (!target) return refuse({ status: 404, reason: `no hook registered at ${path.slice(0, 80)}` });
    if (req.method !== 'POST')
      return refuse({ status: 405, reason: `${req.method} is not a callback`, storeId: target.storeId });
    if (!sameSecret(req.headers[SECRET_HEADER], target.secret))
      return refuse({
        status: 401,
        reason: 'the secret header is missing or wrong',
        storeId: target.storeId,
        kind: 'secret',
      });
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch {
      return refuse({ status: 413, reason: 'the body is over 256 KB', storeId: target.storeId });
    }
    if (target.clientSecret) {
      const sig = checkSignature(req.headers, raw, target.clientSecret, this.h.now?.() ?? Date.now());
      if (!sig.ok)
        return refuse({
          status: 401,
          reason: sig.reason,
          storeId: target.storeId,
          kind: `signature-${sig.kind}`,
        });
    }
    let callback: Callback;
    try {
      callback = callbackSchema.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      return refuse({
        status: 400,
        reason: 'the body is not a BigCommerce callback',
        storeId: target.storeId,
      });
    }
    // BigCommerce advises answering at once with no body; the work happens after.
    res.writeHead(200).end();
    this.h.accepted(target.storeId, callback, callback.hash ?? createHash('sha1').update(raw).digest('hex'));
  }
}

function sameSecret(got: string | string[] | undefined, want: string): boolean {
  if (typeof got !== 'string') return false;
  const a = Buffer.from(got);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        req.destroy();
        reject(new Error('too large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
