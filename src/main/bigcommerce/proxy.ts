// Runs in: main (Electron-free). Owns: the proxy seam. Node 20's fetch ignores HTTPS_PROXY, so when one is set
// requests go through undici's EnvHttpProxyAgent (which also honours NO_PROXY). NODE_EXTRA_CA_CERTS needs no
// code: Node adds those certificates to its default trust store at start-up, which this agent uses too.
import { EnvHttpProxyAgent } from 'undici';

export function proxyFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || undefined;
}

/** A fetch that goes through the environment's proxy, or undefined when none is configured. */
export function proxyFetchFromEnv(env: NodeJS.ProcessEnv = process.env): typeof fetch | undefined {
  if (!proxyFromEnv(env)) return undefined;
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: env.HTTP_PROXY || env.http_proxy,
    httpsProxy: proxyFromEnv(env),
    noProxy: env.NO_PROXY || env.no_proxy,
  });
  // `dispatcher` is undici's extension of RequestInit, understood by Node's built-in fetch.
  return (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
}
