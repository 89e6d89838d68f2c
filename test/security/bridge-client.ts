// Runs in: vitest. Owns: the renderer's end of the browser host, as a test drives it: trade the one-time token
// for the session cookie, open the bridge WebSocket, call channels and keep every frame the host sent.
import { request } from 'node:http';
import WebSocket from 'ws';
import type { BrowserHost } from '../../src/main/host/server.js';

export interface BridgeResult {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

export interface BridgeClient {
  /** Every frame received, as sent: results and pushed events alike. */
  frames: string[];
  call(channel: string, input: unknown): Promise<BridgeResult>;
  close(): void;
}

function sessionCookie(host: BrowserHost): Promise<string> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: `${url.pathname}${url.search}`,
        headers: { host: url.host },
      },
      (res) => {
        res.resume();
        const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0];
        if (res.statusCode === 303 && cookie) resolve(cookie);
        else reject(new Error(`token exchange answered ${res.statusCode}`));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export async function openBridge(host: BrowserHost): Promise<BridgeClient> {
  const cookie = await sessionCookie(host);
  const origin = new URL(host.origin);
  const socket = await new Promise<WebSocket>((resolve, reject) => {
    const s = new WebSocket(`ws://${origin.host}/bridge`, { headers: { cookie, origin: host.origin } });
    s.once('open', () => resolve(s));
    s.once('error', reject);
  });
  const frames: string[] = [];
  const waiting = new Map<number, (r: BridgeResult) => void>();
  socket.on('message', (data) => {
    const text = String(data);
    frames.push(text);
    const msg = JSON.parse(text) as { type: string; id?: number; result?: BridgeResult };
    if (msg.type === 'result' && msg.id !== undefined) waiting.get(msg.id)?.(msg.result!);
  });
  let next = 1;
  return {
    frames,
    call: (channel, input) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, (r) => {
          waiting.delete(id);
          resolve(r);
        });
        socket.send(JSON.stringify({ type: 'invoke', id, channel, input }));
      }),
    close: () => socket.close(),
  };
}
