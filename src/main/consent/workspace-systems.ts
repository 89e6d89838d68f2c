// Runs in: main (Electron-free). Owns: the Systems port built from a workspace's services (connections,
// accounts and their keychain credentials, stores and their tokens, the job queue).
import type { Workspace } from '../app/workspace.js';
import { Transport } from '../bigcommerce/transport.js';
import { systemClock, type Clock } from '../core/clock.js';
import { connectorFor } from '../platforms/registry.js';
import type { ConnectedSystem, Systems } from './systems.js';

type Ws = Pick<Workspace, 'stores' | 'accounts' | 'connections' | 'queue' | 'logger'>;

export function workspaceSystems(ws: Ws, clock: Clock = systemClock): Systems {
  return {
    storeIds: () => ws.stores.list().map((s) => s.id),
    connections(storeId) {
      return ws.connections.list(storeId ? { storeId } : {}).flatMap((c): ConnectedSystem[] => {
        const account = ws.accounts.get(c.accountId);
        const connector = connectorFor(account.platform);
        if (!connector) return [];
        // The engine hands connectors the connection's stored settings; parsed here only to apply defaults.
        const parsed = connector.settingsSchema.safeParse(c.settings);
        const settings: unknown = parsed.success ? parsed.data : c.settings;
        return [
          {
            connectionId: c.id,
            storeId: c.storeId,
            platform: account.platform,
            label: connector.label,
            connector,
            settings,
            context: async (signal) => ({
              credentials: connector.credentialsSchema.parse(await ws.accounts.credentials(account.id)),
              settings,
              account: { id: account.id, name: account.name },
              clock,
              logger: ws.logger,
              signal,
            }),
          },
        ];
      });
    },
    async bigcommerce(storeId) {
      const s = ws.stores.get(storeId);
      return new Transport({
        storeHash: s.storeHash,
        accessToken: await ws.stores.token(storeId),
        baseUrl: s.apiBaseUrl,
        storeLabel: s.name,
      });
    },
    enqueue(system, record) {
      const jobs = system.connector.plan(record, {
        settings: system.settings,
        connectionId: system.connectionId,
        storeId: system.storeId,
      });
      return ws.queue.enqueue(system.connectionId, jobs, false, clock.now()).queued;
    },
  };
}
