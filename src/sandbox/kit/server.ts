// Runs in: Node (simulators). Owns: the HTTP server every simulator runs on: body parsing, fault
// injection, a request log, downtime, and the /__sim/ control routes shared by all simulators.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { FaultBoard, faultSchema } from './faults.js';
import { type Router, type SimRequest, type SimResponse } from './router.js';

export interface SimServerOptions {
  /** Used in logs and the /__sim/state answer. */
  name: string;
  router: Router;
  port?: number;
  /** Largest request body accepted; larger ones get `tooLarge()`. */
  maxBodyBytes?: number;
  /** Vendor-shaped answers for the failures the kit detects before a handler runs. */
  errors: {
    notFound: (req: SimRequest) => SimResponse;
    methodNotAllowed?: (req: SimRequest) => SimResponse;
    badJson: (req: SimRequest) => SimResponse;
    tooLarge: (req: SimRequest) => SimResponse;
    /** The body of a `status` fault (a 5xx in the vendor's shape). */
    serverError: (status: number) => SimResponse;
  };
  /** Called by POST /__sim/reset. */
  onReset?: () => void;
  /** Answer of GET /__sim/state. */
  state?: () => unknown;
}

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  rawQuery: string;
  status: number;
}

export interface SimServer {
  url: string;
  port: number;
  faults: FaultBoard;
  /** The last 5,000 requests (control routes excluded), oldest first. */
  requests: LoggedRequest[];
  /** Refuse connections (the port closes) until `up()`; `ms` reopens by itself. */
  down(ms?: number): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const REQUEST_LOG_SIZE = 5_000;

export async function startSimServer(opts: SimServerOptions): Promise<SimServer> {
  const faults = new FaultBoard();
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const maxBody = opts.maxBodyBytes ?? 10 * 1024 * 1024;
  let server: Server;
  let port = opts.port ?? 0;
  let isDown = false;
  let downTimer: NodeJS.Timeout | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const rawQuery = (req.url ?? '').includes('?')
      ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1)
      : '';
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req, maxBody);
    const simReq: SimRequest = {
      method,
      path: url.pathname,
      params: {},
      rawQuery,
      query: url.searchParams,
      headers: req.headers,
      body: undefined,
      rawBody: rawBody ?? Buffer.alloc(0),
      remoteAddress: req.socket.remoteAddress ?? '127.0.0.1',
    };

    if (url.pathname.startsWith('/__sim/')) {
      const answer = await control(simReq);
      if (answer) return send(res, answer);
    }

    // A simulator's own /__sim/ routes are test controls: never faulted, never in the request log.
    const isControl = url.pathname.startsWith('/__sim/');
    const fault = isControl ? undefined : faults.take(method, url.pathname);
    if (fault) {
      const hit = await applyFault(fault, req, res, opts);
      if (hit) {
        log(simReq, hit);
        return;
      }
    }

    if (rawBody === undefined) return send(res, log(simReq, opts.errors.tooLarge(simReq)));
    if (rawBody.length > 0 && isJson(req)) {
      try {
        simReq.body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return send(res, log(simReq, opts.errors.badJson(simReq)));
      }
    }

    const match = opts.router.match(method, url.pathname);
    let answer: SimResponse;
    if (match === undefined) answer = opts.errors.notFound(simReq);
    else if (match === 'method') answer = (opts.errors.methodNotAllowed ?? opts.errors.notFound)(simReq);
    else {
      simReq.params = match.params;
      try {
        answer = await match.handler(simReq);
      } catch (err) {
        console.error(`[${opts.name} simulator] handler failed for ${method} ${url.pathname}:`, err);
        answer = opts.errors.serverError(500);
      }
    }
    send(res, log(simReq, answer));
  };

  const log = (req: SimRequest, answer: SimResponse): SimResponse => {
    if (req.path.startsWith('/__sim/')) return answer;
    requests.push({
      at: Date.now(),
      method: req.method,
      path: req.path,
      rawQuery: req.rawQuery,
      status: answer.status,
    });
    if (requests.length > REQUEST_LOG_SIZE) requests.splice(0, requests.length - REQUEST_LOG_SIZE);
    return answer;
  };

  const control = async (req: SimRequest): Promise<SimResponse | undefined> => {
    const body = req.rawBody.length > 0 ? (JSON.parse(req.rawBody.toString('utf8')) as unknown) : {};
    switch (`${req.method} ${req.path}`) {
      case 'GET /__sim/faults':
        return { status: 200, body: faults.list() };
      case 'POST /__sim/faults': {
        const parsed = faultSchema.safeParse(body);
        if (!parsed.success) return { status: 400, body: { error: parsed.error.message } };
        return { status: 201, body: { id: faults.add(parsed.data) } };
      }
      case 'DELETE /__sim/faults':
        faults.clear();
        return { status: 204 };
      case 'POST /__sim/reset':
        faults.clear();
        requests.length = 0;
        opts.onReset?.();
        return { status: 204 };
      case 'GET /__sim/state':
        return { status: 200, body: { name: opts.name, ...(opts.state?.() as object | undefined) } };
      case 'GET /__sim/requests':
        return { status: 200, body: requests };
      case 'POST /__sim/down': {
        const ms =
          typeof (body as { ms?: unknown }).ms === 'number' ? (body as { ms: number }).ms : undefined;
        // Answer first, then close the port, so the caller learns the switch was taken.
        setImmediate(() => void api.down(ms));
        return { status: 202, body: { downForMs: ms ?? null } };
      }
      default:
        return undefined; // a simulator's own /__sim/ route, handled by its router
    }
  };

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
          console.error(`[${opts.name} simulator] request failed:`, err);
          if (!res.headersSent) send(res, opts.errors.serverError(500));
        });
      });
      server.keepAliveTimeout = 5_000;
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const addr = server.address();
        if (addr && typeof addr === 'object') port = addr.port;
        resolve();
      });
    });

  const closeListener = (): Promise<void> =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      server.close(() => resolve());
    });

  await listen();

  const api: SimServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    faults,
    requests,
    async down(ms?: number) {
      if (downTimer) clearTimeout(downTimer);
      if (!isDown) {
        isDown = true;
        await closeListener();
      }
      if (ms !== undefined) downTimer = setTimeout(() => void api.up(), ms);
    },
    async up() {
      if (downTimer) clearTimeout(downTimer);
      downTimer = undefined;
      if (!isDown) return;
      isDown = false;
      await listen();
    },
    async close() {
      if (downTimer) clearTimeout(downTimer);
      if (!isDown) await closeListener();
      isDown = true;
    },
  };
  return api;
}

function isJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'] ?? '';
  // Vendors parse bodies sent without a content type as JSON too; only forms and binaries are not.
  return type === '' || type.includes('json');
}

/** Resolves undefined when the body exceeds `max` bytes (the rest is drained, not buffered). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: SimResponse): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...answer.headers };
  let payload: string | Buffer | undefined;
  if (answer.rawBody !== undefined) payload = answer.rawBody;
  else if (answer.body !== undefined && answer.status !== 204) {
    payload = JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}

async function applyFault(
  fault: ReturnType<FaultBoard['take']> & object,
  req: IncomingMessage,
  res: ServerResponse,
  opts: SimServerOptions,
): Promise<SimResponse | undefined> {
  switch (fault.kind) {
    case 'status': {
      const answer = opts.errors.serverError(fault.status ?? 503);
      send(res, answer);
      return answer;
    }
    case 'timeout':
      // Hold the socket without answering, as a hung upstream does, then drop it.
      await sleep(fault.delayMs ?? 120_000);
      req.socket.destroy();
      return { status: 0 };
    case 'reset':
    case 'down':
      req.socket.destroy();
      return { status: 0 };
    case 'malformed': {
      const answer: SimResponse = {
        status: 200,
        rawBody: '{"data": [{"id": 1, "truncated',
        headers: { 'content-type': 'application/json' },
      };
      send(res, answer);
      return answer;
    }
    case 'huge': {
      const answer: SimResponse = {
        status: 200,
        rawBody: `{"data":[],"padding":"${'x'.repeat(20 * 1024 * 1024)}"}`,
        headers: { 'content-type': 'application/json' },
      };
      send(res, answer);
      return answer;
    }
    case 'slow':
      await sleep(fault.delayMs ?? 2_000);
      return undefined; // then answer normally
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
