// Runs in: main and the engine worker (Electron-free). Owns: making every outbound call of the process (the
// BigCommerce client, every platform connector, webhooks, updates) honour the proxy and extra CAs, by
// installing the routing dispatcher as fetch's global dispatcher, and describing the result for the console.
import { getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { RoutingDispatcher } from './dispatcher.js';
import { describeRoute, describeTrust } from './route.js';
import { resolveNetwork, type Env, type NetworkSettings, type ResolvedNetwork } from './settings.js';

export interface InstalledNetwork {
  network: ResolvedNetwork;
  /** "Using proxy http://proxy:3128 for api.bigcommerce.com (HTTPS_PROXY)" */
  proxy: string;
  /** "Trusting 1 extra certificate authority from NODE_EXTRA_CA_CERTS" */
  trust: string;
  /** Puts back the dispatcher that was there before (tests; a settings change installs anew). */
  uninstall(): Promise<void>;
}

/** What the console names when it says which route its calls take. */
export const PROBE_URL = 'https://api.bigcommerce.com/';

/**
 * Node's fetch and undici share one global dispatcher (a well-known symbol), so installing it here covers
 * ky and plain fetch alike without each client knowing. Call once per process or worker, at start-up.
 */
export function installNetwork(settings: NetworkSettings = {}, env: Env = process.env): InstalledNetwork {
  const network = resolveNetwork(settings, env);
  const previous: Dispatcher = getGlobalDispatcher();
  const dispatcher = new RoutingDispatcher(network);
  setGlobalDispatcher(dispatcher);
  return {
    network,
    proxy: describeRoute(PROBE_URL, network),
    trust: describeTrust(network),
    uninstall: async () => {
      setGlobalDispatcher(previous);
      await dispatcher.close();
    },
  };
}
