// Runs in: main (Electron-free). Owns: the route one URL takes (which proxy, or direct and why), shared by
// the dispatcher that sends and the sentence the console shows, so the two cannot disagree.
import { redact, type ResolvedNetwork } from './settings.js';

export type Route =
  | { via: 'proxy'; proxy: URL; source: string }
  | { via: 'direct'; reason: 'no-proxy-configured' | 'no-proxy-match' | 'loopback'; entry?: string };

export function routeFor(target: string | URL, n: ResolvedNetwork): Route {
  const url = new URL(String(target));
  const proxy = url.protocol === 'https:' || url.protocol === 'wss:' ? n.httpsProxy : n.httpProxy;
  if (!proxy) return { via: 'direct', reason: 'no-proxy-configured' };
  if (!n.proxyLoopback && isLoopback(url.hostname)) return { via: 'direct', reason: 'loopback' };
  const entry = noProxyMatch(url, n.noProxy);
  if (entry !== undefined) return { via: 'direct', reason: 'no-proxy-match', entry };
  return { via: 'proxy', proxy, source: n.proxySource ?? 'settings' };
}

function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * The NO_PROXY entry that sends `url` direct: `*`; a host, which also covers its subdomains; `.suffix` or
 * `*.suffix`; an IP; any of those with `:port`. CIDR ranges are not understood (they never match).
 */
export function noProxyMatch(url: URL, entries: readonly string[]): string | undefined {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80');
  for (const entry of entries) {
    if (entry === '*') return entry;
    // A bare IPv6 address has colons but no port; `[::1]:8080` has both.
    const bareV6 = !entry.startsWith('[') && entry.split(':').length > 2;
    const m = bareV6 ? [entry, entry] : /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, ''));
    const name = (m?.[1] ?? '').replace(/^\*?\./, '');
    const wantPort = m?.[2];
    if (!name || (wantPort && wantPort !== port)) continue;
    if (host === name || host.endsWith(`.${name}`)) return entry;
  }
  return undefined;
}

/** "Using proxy http://proxy:3128 for api.bigcommerce.com (HTTPS_PROXY)". */
export function describeRoute(target: string | URL, n: ResolvedNetwork): string {
  const host = new URL(String(target)).host;
  const r = routeFor(target, n);
  if (r.via === 'proxy') return `Using proxy ${redact(r.proxy)} for ${host} (${r.source})`;
  if (r.reason === 'loopback') return `Direct connection to ${host} (this machine)`;
  if (r.reason === 'no-proxy-match')
    return `Direct connection to ${host} (${n.noProxySource ?? 'no-proxy'} entry "${r.entry}")`;
  return `Direct connection to ${host} (no proxy configured)`;
}

export function describeTrust(n: ResolvedNetwork): string {
  if (n.extraCa.length === 0) return 'Trusting the built-in certificate authorities only';
  const count = n.extraCa.length;
  return `Trusting ${count} extra certificate ${count === 1 ? 'authority' : 'authorities'} from ${n.caSources.join(', ')}`;
}
