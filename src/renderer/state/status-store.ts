// Runs in: renderer. Owns: each connection's sync status (polled while a screen shows it) and its live
// progress (pushed by `sync:progress`), so the dashboard and the connections list agree.
import { create } from 'zustand';
import type { Api } from '../../shared/contract/api';
import type { ChannelOutput, EventPayload } from '../../shared/contract/index';
import { unwrap } from './api-context';

export type ConnectionStatus = ChannelOutput<'connections:status'>;
export type SyncProgress = EventPayload<'sync:progress'>;

interface StatusState {
  status: Record<string, ConnectionStatus>;
  progress: Record<string, SyncProgress>;
  /** Connections with a sync started from this console that has not answered yet. */
  syncing: Record<string, boolean>;
  errors: Record<string, string>;
  refresh(api: Api, ids: string[]): Promise<void>;
  follow(api: Api): () => void;
  setSyncing(id: string, on: boolean): void;
}

export const useStatus = create<StatusState>((set, get) => ({
  status: {},
  progress: {},
  syncing: {},
  errors: {},
  async refresh(api, ids) {
    const results = await Promise.allSettled(ids.map((id) => unwrap(api.connections.status({ id }))));
    const status = { ...get().status };
    const errors = { ...get().errors };
    results.forEach((r, i) => {
      const id = ids[i]!;
      if (r.status === 'fulfilled') {
        status[id] = r.value;
        delete errors[id];
      } else errors[id] = r.reason instanceof Error ? r.reason.message : String(r.reason);
    });
    set({ status, errors });
  },
  follow(api) {
    return api.on('sync:progress', (p) => set({ progress: { ...get().progress, [p.connectionId]: p } }));
  },
  setSyncing(id, on) {
    set({ syncing: { ...get().syncing, [id]: on } });
  },
}));
