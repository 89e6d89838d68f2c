// Runs in: renderer. Owns: the archival export run: its targets (connections) run one after another, each
// queued, running, cancelled, failed or done; cancel stops the one running, resume goes on where it stopped.
// Kept outside the screen so leaving the Export area does not lose a run that goes on in main.
import { create } from 'zustand';
import type { Api } from '../../../shared/contract/api';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/index';
import { ApiError, unwrap } from '../../state/api-context';
import { errorText } from '../../ui/errors';
import { syncOnce } from '../connections/run-sync';

export type RunOptions = Omit<ChannelInput<'sync:start'>, 'connectionId'>;
export type Estimate = ChannelOutput<'sync:estimate'>;

export interface Target {
  connectionId: string;
  /** "Store → destination", named in every heading and error. */
  what: string;
  status: 'queued' | 'running' | 'cancelled' | 'failed' | 'done';
  summary?: ChannelOutput<'sync:start'>;
  error?: string;
  estimate?: Estimate;
  startedAt?: number;
}

interface ExportState {
  targets: Target[];
  options: RunOptions;
  running: boolean;
  stopping: boolean;
  start(
    api: Api,
    targets: Array<Pick<Target, 'connectionId' | 'what' | 'estimate'>>,
    o: RunOptions,
  ): Promise<void>;
  resume(api: Api): Promise<void>;
  cancel(api: Api): Promise<void>;
  clear(): void;
}

export const useExportRun = create<ExportState>((set, get) => {
  const patch = (id: string, p: Partial<Target>) =>
    set({ targets: get().targets.map((t) => (t.connectionId === id ? { ...t, ...p } : t)) });

  async function loop(api: Api) {
    set({ running: true, stopping: false });
    try {
      for (const t of get().targets) {
        if (t.status === 'done') continue;
        if (get().stopping) break;
        patch(t.connectionId, { status: 'running', error: undefined, startedAt: Date.now() });
        try {
          const summary = await syncOnce(api, t.connectionId, get().options);
          patch(t.connectionId, { status: 'done', summary });
        } catch (err) {
          const cancelled = err instanceof ApiError && err.shape.code === 'cancelled';
          patch(t.connectionId, {
            status: cancelled ? 'cancelled' : 'failed',
            error: `${t.what}: ${errorText(err)}`,
          });
          // A cancel stops the whole run; a failure only that target, so the others still export.
          if (cancelled) break;
        }
      }
    } finally {
      set({ running: false, stopping: false });
    }
  }

  return {
    targets: [],
    options: {},
    running: false,
    stopping: false,
    async start(api, targets, options) {
      if (get().running) return;
      set({ targets: targets.map((t) => ({ ...t, status: 'queued' as const })), options });
      await loop(api);
    },
    async resume(api) {
      if (get().running) return;
      // A resumed sync reads on from its saved position: nothing already delivered is sent again.
      await loop(api);
    },
    async cancel(api) {
      set({ stopping: true });
      const current = get().targets.find((t) => t.status === 'running');
      if (current) await unwrap(api.sync.cancel({ connectionId: current.connectionId }));
    },
    clear() {
      if (!get().running) set({ targets: [] });
    },
  };
});
