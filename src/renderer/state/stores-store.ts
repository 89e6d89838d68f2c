// Runs in: renderer. Owns: the stores list as the UI sees it, kept live by the `stores:changed` event.
import { create } from 'zustand';
import type { Api } from '../../shared/contract/api';
import type { StoreSummary } from '../../shared/contract/index';
import { unwrap } from './api-context';

interface StoresState {
  stores: StoreSummary[];
  loaded: boolean;
  error: string | null;
  /** Loads once and follows changes; returns the unsubscribe function. */
  connect(api: Api): () => void;
}

export const useStores = create<StoresState>((set) => ({
  stores: [],
  loaded: false,
  error: null,
  connect(api) {
    const off = api.on('stores:changed', ({ stores }) => set({ stores, loaded: true }));
    unwrap(api.stores.list()).then(
      (stores) => set({ stores, loaded: true, error: null }),
      (err: Error) => set({ error: err.message, loaded: true }),
    );
    return off;
  },
}));
