// Runs in: main (Electron-free). Owns: the browser host: the built renderer and the WebSocket bridge on
// 127.0.0.1, for Playwright and for machines where Electron cannot run. Refuses (401, no body) every request
// without the session cookie, with a foreign Origin, or with a Host other than the loopback address.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Workspace } from '../app/workspace.js';
import { serveStatic } from '../security/static-files.js';
import { attachBridge } from './bridge.js';
import { HostGuard } from './guard.js';

export interface BrowserHostOptions {
  workspace: Pick<Workspace, 'callUnchecked' | 'bus'>;
  /** The built renderer (out/renderer). */
  staticRoot: string;
  port?: number;
}

export interface BrowserHost {
  /** The URL to open once: it carries the token that buys the session cookie. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  let port = 0;
  const guard = new HostGuard(() => port);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!guard.sameSite(req.headers, false)) return refuse(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405);
    if (url.searchParams.has('token')) {
      if (!guard.tokenMatches(url.searchParams.get('token'))) return refuse(res);
      // Trade the token for the cookie and drop it from the address bar and history.
      res.writeHead(303, { location: '/', 'set-cookie': guard.sessionCookie(), 'cache-control': 'no-store' });
      return res.end();
    }
    if (!guard.hasSession(req.headers)) return refuse(res);
    void serveStatic(opts.staticRoot, url.pathname).then((answer) => {
      res.writeHead(answer.status, answer.headers);
      res.end(req.method === 'HEAD' ? undefined : answer.body);
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const ok =
      new URL(req.url ?? '/', 'http://127.0.0.1').pathname === '/bridge' &&
      guard.sameSite(req.headers, true) &&
      guard.hasSession(req.headers);
    if (!ok) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (client) => attachBridge(client, opts.workspace));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `${guard.origin}/?token=${guard.token}`,
    origin: guard.origin,
    close: () =>
      new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function refuse(res: ServerResponse, status = 401): void {
  res.writeHead(status, { 'content-length': '0', 'cache-control': 'no-store' });
  res.end();
}
