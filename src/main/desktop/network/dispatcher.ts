// Runs in: main (Electron-free). Owns: the one undici Dispatcher every outbound client uses (direct or
// through the proxy routeFor picks, trusting the extra CAs), and `createFetch` for ky's `fetch` option.
import { rootCertificates } from 'node:tls';
import { Agent, Dispatcher, ProxyAgent } from 'undici';
import { classifyFetchError, type FetchFailure } from './classify.js';
import { describeRoute, routeFor } from './route.js';
import { resolveNetwork, type Env, type NetworkSettings, type ResolvedNetwork } from './settings.js';

/** Sends each request through the dispatcher its route names; one pool per proxy, one direct. */
export class RoutingDispatcher extends Dispatcher {
  private readonly direct: Agent;
  private readonly proxies = new Map<string, ProxyAgent>();

  constructor(private readonly network: ResolvedNetwork) {
    super();
    // An explicit `ca` replaces Node's bundled roots, so the extra certificates are added to them.
    const ca = network.extraCa.length ? [...rootCertificates, ...network.extraCa] : undefined;
    this.direct = new Agent(ca ? { connect: { ca } } : {});
    for (const proxy of [network.httpsProxy, network.httpProxy]) {
      if (!proxy || this.proxies.has(proxy.href)) continue;
      this.proxies.set(
        proxy.href,
        new ProxyAgent({ uri: proxy.href, ...(ca ? { requestTls: { ca }, proxyTls: { ca } } : {}) }),
      );
    }
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
    const route = routeFor(String(options.origin), this.network);
    const target = route.via === 'proxy' ? this.proxies.get(route.proxy.href) : this.direct;
    return (target ?? this.direct).dispatch(options, handler);
  }

  override async close(): Promise<void> {
    await Promise.all([this.direct.close(), ...[...this.proxies.values()].map((p) => p.close())]);
  }

  override async destroy(): Promise<void> {
    await Promise.all([this.direct.destroy(), ...[...this.proxies.values()].map((p) => p.destroy())]);
  }
}

export type NetworkFetch = typeof globalThis.fetch & {
  network: ResolvedNetwork;
  dispatcher: RoutingDispatcher;
  /** "Using proxy http://proxy:3128 for api.bigcommerce.com (HTTPS_PROXY)" */
  describe(url: string | URL): string;
  /** What a failed call means: offline, the proxy refusing, the destination refusing, TLS... */
  classify(err: unknown, url: string | URL): FetchFailure;
  close(): Promise<void>;
};

/**
 * A `fetch` for ky (`ky.create({ fetch })`) and any other client. It is Node's own fetch with the routing
 * dispatcher (undici's `dispatcher` option), so responses stay the global Response ky expects.
 */
export function createFetch(settings: NetworkSettings, env: Env = process.env): NetworkFetch {
  const network = resolveNetwork(settings, env);
  const dispatcher = new RoutingDispatcher(network);
  const send = ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    globalThis.fetch(input, { ...init, dispatcher } as RequestInit)) as typeof globalThis.fetch;
  return Object.assign(send, {
    network,
    dispatcher,
    describe: (url: string | URL) => describeRoute(url, network),
    classify: (err: unknown, url: string | URL) =>
      classifyFetchError(err, { viaProxy: routeFor(url, network).via === 'proxy' }),
    close: () => dispatcher.close(),
  });
}
