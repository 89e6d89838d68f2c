// Runs in: renderer. Owns: platforms, platform accounts and connections as the UI sees them, kept live by the
// `accounts:changed` and `connections:changed` events.
import { create } from 'zustand';
import type { Api } from '../../shared/contract/api';
import type { ChannelOutput } from '../../shared/contract/index';
import { unwrap } from './api-context';

export type PlatformInfo = ChannelOutput<'platforms:list'>[number];
export type AccountSummary = ChannelOutput<'accounts:list'>[number];
export type ConnectionSummary = ChannelOutput<'connections:list'>[number];

interface WorkspaceState {
  platforms: PlatformInfo[];
  accounts: AccountSummary[];
  connections: ConnectionSummary[];
  loaded: boolean;
  error: string | null;
  connect(api: Api): () => void;
}

export const useWorkspace = create<WorkspaceState>((set) => ({
  platforms: [],
  accounts: [],
  connections: [],
  loaded: false,
  error: null,
  connect(api) {
    const offA = api.on('accounts:changed', ({ accounts }) => set({ accounts }));
    const offC = api.on('connections:changed', ({ connections }) => set({ connections }));
    Promise.all([
      unwrap(api.platforms.list()),
      unwrap(api.accounts.list()),
      unwrap(api.connections.list({})),
    ]).then(
      ([platforms, accounts, connections]) =>
        set({ platforms, accounts, connections, loaded: true, error: null }),
      (err: Error) => set({ error: err.message, loaded: true }),
    );
    return () => {
      offA();
      offC();
    };
  },
}));

export function platformLabel(platforms: PlatformInfo[], platform: string | null | undefined): string {
  if (!platform) return '—';
  return platforms.find((p) => p.platform === platform)?.label ?? platform;
}
