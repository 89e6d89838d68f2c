// Runs in: main (Electron-free). Owns: what consent and privacy need of the workspace: each connection with its
// connector and a ready context, each store's BigCommerce transport, and a way to enqueue planned jobs.
import type { Connector, ConnectorContext, StagedRecord } from '../engine/connector.js';
import type { Transport } from '../bigcommerce/transport.js';

export interface ConnectedSystem {
  connectionId: string;
  storeId: string;
  platform: string;
  label: string;
  connector: Connector<unknown, unknown>;
  /** Builds a context (credentials from the keychain) for one call. */
  context(signal: AbortSignal): Promise<ConnectorContext<unknown, unknown>>;
  settings: unknown;
}

export interface Systems {
  connections(storeId?: string): ConnectedSystem[];
  /** A transport to the store's BigCommerce API (with its token). */
  bigcommerce(storeId: string): Promise<Transport>;
  storeIds(): string[];
  /** Plans the record for the connection with its connector and queues the jobs, as a sync would. */
  enqueue?(system: ConnectedSystem, record: StagedRecord): number;
}
