// Runs in: main (Electron-free). Owns: the mapping from contract channels to service methods.
import type { AppInfo } from '../../shared/contract/index.js';
import type { StoreService } from '../stores/store-service.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Handlers } from './dispatch.js';

export interface HandlerDeps {
  stores: StoreService;
  secrets: SecretStore;
  info: Omit<AppInfo, 'keychain'>;
}

export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'app:info': async () => ({ ...d.info, keychain: await d.secrets.status() }),
    'stores:list': () => d.stores.list(),
    'stores:add': (input) => d.stores.add(input),
    'stores:rename': ({ id, name }) => d.stores.rename(id, name),
    'stores:remove': async ({ id }) => {
      await d.stores.remove(id);
      return { removed: true as const };
    },
  };
}
