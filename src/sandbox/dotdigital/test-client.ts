// Runs in: Node (vitest). Owns: a tiny fetch wrapper for the simulator tests that sends Basic auth
// and records every answer, so the spec test can validate each one it saw.

export interface Answer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export class TestClient {
  readonly seen: Answer[] = [];

  constructor(
    public baseUrl: string,
    private readonly user?: string,
    private readonly pass?: string,
  ) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const h: Record<string, string> = { ...headers };
    if (this.user !== undefined)
      h.authorization = `Basic ${Buffer.from(`${this.user}:${this.pass ?? ''}`).toString('base64')}`;
    if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    const a: Answer = {
      method,
      path: path.split('?')[0]!,
      status: res.status,
      headers: res.headers,
      body: parsed,
      text,
    };
    this.seen.push(a);
    return a;
  }

  get = (path: string) => this.call('GET', path);
  post = (path: string, body?: unknown) => this.call('POST', path, body ?? {});
  put = (path: string, body?: unknown) => this.call('PUT', path, body ?? {});
  patch = (path: string, body?: unknown) => this.call('PATCH', path, body ?? {});
  del = (path: string) => this.call('DELETE', path);
}

/** Polls until `check` returns a value (no fixed sleeps). */
export async function until<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
