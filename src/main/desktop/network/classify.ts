// Runs in: main (Electron-free). Owns: what a failed outbound call means, so "the proxy refuses" (407, proxy
// down, proxy policy) is never shown as "offline" (no DNS, no route) and neither blames the destination.
export type FetchFailureKind =
  /** No DNS answer or no route: the machine is offline (or its network is). */
  | 'offline'
  /** The proxy wants credentials (407). */
  | 'proxy-auth-required'
  /** The proxy is down, refused the connection, or refused the tunnel (403, 502 to CONNECT...). */
  | 'proxy-refused'
  /** The destination host answered with a refusal or reset: reachable network, service down. */
  | 'destination-refused'
  | 'timeout'
  /** Certificate not trusted or wrong name: often a TLS-inspecting proxy whose CA is not configured. */
  | 'tls'
  | 'aborted'
  | 'unknown';

export interface FetchFailure {
  kind: FetchFailureKind;
  /** Whether the app should consider itself offline (and say so), rather than report an error. */
  offline: boolean;
  code?: string;
  proxyStatus?: number;
  message: string;
}

const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EAI_NODATA',
]);
const REFUSED_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const TLS_CODE = /^(ERR_TLS_|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|UNABLE_TO_VERIFY|ERR_SSL_)/;

/** `viaProxy`: whether the failed request was routed through a proxy (routeFor says). */
export function classifyFetchError(err: unknown, ctx: { viaProxy: boolean }): FetchFailure {
  const chain = causes(err);
  const message =
    chain
      .map((e) => e.message)
      .filter(Boolean)
      .join(': ') || String(err);
  const code = chain.map((e) => e.code).find((c): c is string => typeof c === 'string');
  const text = chain.map((e) => e.message).join(' ');
  const fail = (kind: FetchFailureKind, extra: Partial<FetchFailure> = {}): FetchFailure => ({
    kind,
    offline: kind === 'offline',
    message,
    ...(code ? { code } : {}),
    ...extra,
  });

  // undici: "Proxy response (407) !== 200 when HTTP Tunneling"; the non-tunnel wrapper says the same in words.
  const proxyStatus = /Proxy response \((\d{3})\)/.exec(text)?.[1];
  if (proxyStatus === '407' || /Proxy Authentication Required/i.test(text)) {
    return fail('proxy-auth-required', { proxyStatus: 407 });
  }
  // A 5xx to CONNECT is the proxy saying it could not reach the destination: the proxy itself works.
  if (proxyStatus) {
    const status = Number(proxyStatus);
    return fail(status >= 500 ? 'destination-refused' : 'proxy-refused', { proxyStatus: status });
  }
  // After the proxy checks: undici reports a refused tunnel as a RequestAbortedError (name AbortError).
  if (chain.some((e) => e.name === 'AbortError') || code === 'ABORT_ERR') return fail('aborted');
  if (code && TLS_CODE.test(code)) return fail('tls');
  if (code && OFFLINE_CODES.has(code)) {
    // The proxy's own name not resolving behind a proxy is still "no network" from here: no DNS at all.
    return fail('offline');
  }
  if (code && REFUSED_CODES.has(code)) return fail(ctx.viaProxy ? 'proxy-refused' : 'destination-refused');
  if (code && TIMEOUT_CODES.has(code)) return fail('timeout');
  return fail('unknown');
}

interface ErrorLike {
  name?: string;
  message: string;
  code?: unknown;
}

function causes(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let cur: unknown = err;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 6; depth++) {
    const e = cur as { name?: string; message?: string; code?: unknown; cause?: unknown; errors?: unknown[] };
    out.push({ name: e.name, message: String(e.message ?? ''), code: e.code });
    // Happy-eyeballs connects fail with an AggregateError whose first error has the code.
    cur = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return out;
}
