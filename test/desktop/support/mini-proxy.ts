// Runs in: Node (vitest). Owns: a tiny HTTP proxy on 127.0.0.1 (CONNECT tunnels and absolute-URI forwarding)
// that can demand credentials or refuse, so proxy handling is tested against real sockets.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface MiniProxy {
  url: string;
  /** `host:port` of every CONNECT and the absolute URL of every forwarded request, in order. */
  seen: string[];
  mode: 'open' | 'auth' | 'deny';
  close(): Promise<void>;
}

export async function startMiniProxy(
  opts: { mode?: MiniProxy['mode']; credentials?: string } = {},
): Promise<MiniProxy> {
  const sockets = new Set<Socket>();
  const expected = `Basic ${Buffer.from(opts.credentials ?? 'user:secret').toString('base64')}`;
  const state = { mode: opts.mode ?? 'open' };
  const seen: string[] = [];
  const refusal = (req: IncomingMessage): string | undefined => {
    if (state.mode === 'deny') return '403 Forbidden';
    if (state.mode === 'auth' && req.headers['proxy-authorization'] !== expected) {
      return '407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"';
    }
    return undefined;
  };

  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const no = refusal(req);
    if (no) {
      res.writeHead(
        Number(no.slice(0, 3)),
        no.includes('407') ? { 'proxy-authenticate': 'Basic realm="corp"' } : {},
      );
      res.end();
      return;
    }
    const target = new URL(req.url ?? '');
    const upstream = request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push(req.url ?? '');
    const no = refusal(req);
    if (no) {
      client.end(`HTTP/1.1 ${no}\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function refusingPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
