// Runs in: main (Electron-free). Owns: the channels of the trust tools: store verification, field mapping and
// templates, diagnostics bundles and workspace transfer.
import { BigCommerceClient } from '../bigcommerce/client.js';
import { verifyStore } from '../bigcommerce/verify.js';
import { buildDiagnostics, previewDiagnostics, saveDiagnostics } from '../diagnostics/bundle.js';
import type { EventLog } from '../events/event-log.js';
import { connectorDefaults } from '../mapping/defaults.js';
import type { MappingInput } from '../mapping/model.js';
import type { MappingService } from '../mapping/service.js';
import { connectorFor } from '../platforms/registry.js';
import type { ScriptService } from '../storefront/script-service.js';
import { refreshStoreCountry } from '../stores/store-country.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Db } from '../storage/db.js';
import type { StoreService } from '../stores/store-service.js';
import { exportWorkspace } from '../transfer/export.js';
import { importWorkspace } from '../transfer/import.js';
import type { EventBus } from '../core/emitter.js';
import type { Handlers } from './dispatch.js';
import { checkOutputPath } from './output-path.js';

export interface ToolDeps {
  dir: string;
  db: Db;
  bus: EventBus;
  secrets: SecretStore;
  stores: StoreService;
  events: EventLog;
  mapping: MappingService;
  scripts: ScriptService;
  /** How the workspace learns of store changes (webhooks or polling) and what needs webhooks. */
  realtime?: (storeId: string) => Promise<{
    mode: 'webhooks' | 'polling';
    needsWebhooks: string[];
    signatures?: 'verified' | 'not_checked';
  }>;
  /** Announces imported rows so every open console refreshes. */
  afterImport: () => void;
}

export type ToolChannels =
  | 'stores:verify'
  | 'mapping:catalogue'
  | 'mapping:get'
  | 'mapping:validate'
  | 'mapping:save'
  | 'mapping:preview'
  | 'mapping:defaults'
  | 'templates:list'
  | 'templates:save'
  | 'templates:delete'
  | 'templates:apply'
  | 'diagnostics:preview'
  | 'diagnostics:save'
  | 'workspace:export'
  | 'workspace:import'
  | 'scripts:list'
  | 'scripts:sync'
  | 'scripts:remove';

export function createToolHandlers(d: ToolDeps): Pick<Handlers, ToolChannels> {
  // The renderer names these paths: never let one land on the workspace's own database files.
  const databases = () => [d.db.name, d.events.db.name];
  const diagnostics = (includePii: boolean) => buildDiagnostics(d, { includePii, eventLog: d.events });
  return {
    'stores:verify': async ({ id }) => {
      const store = d.stores.get(id);
      const client = new BigCommerceClient({
        storeHash: store.storeHash,
        accessToken: await d.stores.token(id),
        baseUrl: store.apiBaseUrl,
        storeLabel: store.name,
      });
      const verified = await verifyStore(client);
      // The store check also refreshes the country kept for the store (phones without a code are read in it).
      if (verified.ok) await refreshStoreCountry(d.db, id, client).catch(() => undefined);
      return d.realtime ? { ...verified, realtime: await d.realtime(id) } : verified;
    },
    'mapping:catalogue': ({ connectionId, entity }) => d.mapping.catalogue(connectionId, entity),
    'mapping:get': ({ connectionId, entity }) => d.mapping.get(connectionId, entity),
    'mapping:validate': ({ connectionId, mapping }) =>
      d.mapping.validate(connectionId, mapping as MappingInput),
    'mapping:save': ({ connectionId, mapping }) => d.mapping.save(connectionId, mapping as MappingInput),
    'mapping:preview': ({ connectionId, mapping, limit }) =>
      d.mapping.preview(connectionId, mapping as MappingInput, limit),
    // Connectors that publish default pairs fit them here; the others start from an empty mapping.
    'mapping:defaults': ({ connectionId, entity }) =>
      d.mapping.fromDefaults(
        connectionId,
        entity,
        connectorDefaults(d.db, connectorFor, connectionId, entity),
      ),
    'templates:list': () => d.mapping.repo.listTemplates(),
    'templates:save': (input) => d.mapping.saveTemplate(input),
    'templates:delete': ({ id }) => ({ deleted: d.mapping.repo.deleteTemplate(id) }),
    'templates:apply': ({ templateId, connectionIds }) => d.mapping.applyTemplate(templateId, connectionIds),
    'diagnostics:preview': async ({ includePii }) => ({
      files: previewDiagnostics(await diagnostics(includePii)),
      personalData: includePii ? ('included' as const) : ('masked' as const),
    }),
    'diagnostics:save': async ({ path, includePii, overwrite }) => {
      const target = checkOutputPath(path, { databases: databases(), overwrite });
      const bundle = await diagnostics(includePii);
      const saved = await saveDiagnostics(bundle, target);
      return { ...saved, files: bundle.files.length };
    },
    'scripts:list': ({ storeId }) => d.scripts.list(storeId),
    'scripts:sync': ({ connectionId }) => d.scripts.sync(connectionId),
    'scripts:remove': async ({ connectionId }) => ({ removed: await d.scripts.remove(connectionId) }),
    'workspace:export': async ({ path, passphrase, overwrite }) => {
      const target = checkOutputPath(path, { databases: databases(), overwrite });
      return normalise(await exportWorkspace(d, target, passphrase));
    },
    'workspace:import': async ({ path, passphrase, replace }) => {
      const r = await importWorkspace(d, path, passphrase, { replace });
      d.afterImport();
      return normalise(r);
    },
  };
}

function normalise<T extends { tables: Partial<Record<string, number>> }>(
  r: T,
): T & { tables: Record<string, number> } {
  return {
    ...r,
    tables: Object.fromEntries(
      Object.entries(r.tables).filter((e): e is [string, number] => e[1] !== undefined),
    ),
  };
}
