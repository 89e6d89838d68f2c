// Runs in: main (Electron-free). Owns: which proxy and which extra CA certificates outbound calls use, from
// the user's setting or the environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS).
import { readFileSync } from 'node:fs';

export type ProxySetting =
  /** Follow the environment, as curl and npm do. */
  | { mode: 'system' }
  /** Never use a proxy, whatever the environment says. */
  | { mode: 'direct' }
  | { mode: 'manual'; url: string; noProxy?: string };

export interface NetworkSettings {
  proxy?: ProxySetting;
  /** PEM text of extra CA certificates (a TLS-inspecting corporate proxy's root). */
  extraCaPem?: string;
  /** A PEM file with extra CA certificates. */
  extraCaFile?: string;
  /**
   * Send loopback (127.0.0.0/8, ::1, localhost) through the proxy too. Off by default: the demo simulators
   * and a local webhook receiver live on loopback, and a corporate proxy cannot reach this machine's.
   */
  proxyLoopback?: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface ResolvedNetwork {
  httpsProxy?: URL;
  httpProxy?: URL;
  /** Where each proxy came from, for the console: `HTTPS_PROXY`, `settings`. */
  proxySource?: string;
  noProxy: string[];
  noProxySource?: string;
  /** Extra certificates, one PEM block each; empty when none were configured. */
  extraCa: string[];
  caSources: string[];
  proxyLoopback?: boolean;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function resolveNetwork(
  settings: NetworkSettings,
  env: Env,
  readText: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): ResolvedNetwork {
  const out: ResolvedNetwork = {
    noProxy: [],
    extraCa: [],
    caSources: [],
    ...(settings.proxyLoopback ? { proxyLoopback: true } : {}),
  };
  const proxy = settings.proxy ?? { mode: 'system' };
  if (proxy.mode === 'manual') {
    out.httpsProxy = out.httpProxy = proxyUrl(proxy.url, 'the proxy setting');
    out.proxySource = 'settings';
    out.noProxy = splitNoProxy(proxy.noProxy ?? '');
    if (out.noProxy.length) out.noProxySource = 'settings';
  } else if (proxy.mode === 'system') {
    // Lower-case first: that is the form curl honours for http_proxy, and what most shells export.
    const https = pick(env, 'https_proxy', 'HTTPS_PROXY');
    const http = pick(env, 'http_proxy', 'HTTP_PROXY');
    if (https) out.httpsProxy = proxyUrl(https.value, https.name);
    if (http) out.httpProxy = proxyUrl(http.value, http.name);
    const names = [https?.name, http?.name].filter(Boolean);
    if (names.length) out.proxySource = names.join(', ');
    const no = pick(env, 'no_proxy', 'NO_PROXY');
    if (no) {
      out.noProxy = splitNoProxy(no.value);
      out.noProxySource = no.name;
    }
  }

  // Read here rather than left to Node: the packaged app's fuses turn off NODE_OPTIONS and with it
  // Electron's handling of NODE_EXTRA_CA_CERTS, and an explicit `ca` replaces Node's store anyway.
  const sources: Array<[string, () => string]> = [];
  if (env.NODE_EXTRA_CA_CERTS)
    sources.push(['NODE_EXTRA_CA_CERTS', () => readText(env.NODE_EXTRA_CA_CERTS!)]);
  if (settings.extraCaFile) sources.push([settings.extraCaFile, () => readText(settings.extraCaFile!)]);
  if (settings.extraCaPem) sources.push(['settings', () => settings.extraCaPem!]);
  for (const [name, read] of sources) {
    let text: string;
    try {
      text = read();
    } catch (err) {
      throw new Error(`Could not read the CA certificates in ${name}: ${(err as Error).message}`);
    }
    const blocks = text.match(PEM_BLOCK) ?? [];
    if (blocks.length === 0) {
      throw new Error(`${name} holds no PEM certificate (expected -----BEGIN CERTIFICATE----- blocks)`);
    }
    out.extraCa.push(...blocks);
    out.caSources.push(name);
  }
  return out;
}

function pick(env: Env, ...names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

function proxyUrl(raw: string, where: string): URL {
  // `proxy:3128` without a scheme is common in the wild; curl reads it as http.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${where} is not a proxy URL: "${redact(raw)}" (expected http://host:port)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${where} uses ${url.protocol}//; only http:// and https:// proxies are supported`);
  }
  if (!url.hostname) throw new Error(`${where} has no host: "${redact(raw)}"`);
  return url;
}

function splitNoProxy(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** A proxy URL as the console may show it: credentials never leave the process. */
export function redact(raw: string | URL): string {
  try {
    const url = new URL(String(raw));
    if (url.username || url.password) {
      url.username = '***';
      url.password = '';
    }
    return url.href.replace(/\/$/, '');
  } catch {
    return String(raw).replace(/\/\/[^@/]*@/, '//***@');
  }
}
