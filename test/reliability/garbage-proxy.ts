// Runs in: vitest. Owns: a loopback proxy in front of a simulator that passes every call through but answers
// chosen ones with a body of its own (wrong types, surprising shapes), as a platform with a bug would.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GarbageProxy {
  url: string;
  /** Calls answered with a replaced body so far. */
  replaced: number;
  close(): Promise<void>;
}

/** `replace(method, path)` returns the body to answer (status 200) instead of the simulator's, or undefined. */
export async function startGarbageProxy(
  target: string,
  replace: (method: string, path: string) => string | undefined,
): Promise<GarbageProxy> {
  const state = { replaced: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const method = req.method ?? 'GET';
        const path = req.url ?? '/';
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && k !== 'host'),
        ) as Record<string, string>;
        const upstream = await fetch(target + path, {
          method,
          headers,
          ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
        });
        const text = await upstream.text();
        const swapped = upstream.ok ? replace(method, path) : undefined;
        if (swapped !== undefined) state.replaced++;
        res.writeHead(swapped !== undefined ? 200 : upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'application/json',
        });
        res.end(swapped ?? text);
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get replaced() {
      return state.replaced;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
