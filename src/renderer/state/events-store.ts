// Runs in: renderer. Owns: the event log as the UI sees it: the filtered rows (newest first, without payloads),
// loading older pages, and following `events:appended` live with the same filters applied.
import { create } from 'zustand';
import type { Api } from '../../shared/contract/api';
import type { ChannelInput, ChannelOutput } from '../../shared/contract/index';
import { unwrap } from './api-context';

export type LoggedEvent = ChannelOutput<'events:query'>[number];
/** A row of the list: the payload stays in main until the viewer asks for it. */
export type EventSummary = ChannelOutput<'events:list'>[number];
export type EventFilters = Pick<
  ChannelInput<'events:query'>,
  'storeId' | 'platform' | 'type' | 'level' | 'text'
>;

/** The first page is one screenful and a little more, so it shows at once; older pages are large. */
const FIRST_PAGE = 200;
const PAGE = 5000;
/** Beyond this the oldest rows are dropped from memory; they stay in the log and load again on demand. */
const CAP = 250_000;

interface EventsState {
  rows: EventSummary[];
  filters: EventFilters;
  loading: boolean;
  hasMore: boolean;
  error: string | null;
  live: boolean;
  setFilters(api: Api, f: EventFilters): Promise<void>;
  loadOlder(api: Api): Promise<void>;
  follow(api: Api): () => void;
  setLive(live: boolean): void;
}

export function matches(e: EventSummary, f: EventFilters): boolean {
  if (f.storeId && e.storeId !== f.storeId) return false;
  if (f.platform && e.platform !== f.platform) return false;
  if (f.type && e.type !== f.type) return false;
  if (f.level && e.level !== f.level) return false;
  if (f.text) {
    const t = f.text.toLowerCase();
    const hay = `${e.message} ${e.type} ${e.recordType ?? ''} ${e.recordId ?? ''}`.toLowerCase();
    if (!hay.includes(t)) return false;
  }
  return true;
}

/** A live event as a list row: its payload is dropped (the viewer reads it from main like any other). */
export function summary({ payload, ...e }: LoggedEvent): EventSummary {
  return { ...e, hasPayload: payload !== null && payload !== undefined };
}

function clean(f: EventFilters): EventFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as EventFilters;
}

export const useEvents = create<EventsState>((set, get) => ({
  rows: [],
  filters: {},
  loading: false,
  hasMore: false,
  error: null,
  live: true,
  async setFilters(api, f) {
    const filters = clean(f);
    set({ filters, loading: true, error: null });
    try {
      const rows = await unwrap(api.events.list({ ...filters, limit: FIRST_PAGE }));
      // A newer filter may have been chosen while this one loaded.
      if (get().filters !== filters) return;
      set({ rows, hasMore: rows.length === FIRST_PAGE, loading: false });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err), loading: false });
    }
  },
  async loadOlder(api) {
    const { rows, filters, loading } = get();
    const last = rows[rows.length - 1];
    // One page at a time: a second click while one loads would append the same page twice.
    if (!last || loading) return;
    set({ loading: true });
    try {
      const older = await unwrap(api.events.list({ ...filters, beforeId: last.id, limit: PAGE }));
      const now = get();
      // The filters changed meanwhile: this page belongs to another list.
      if (now.filters !== filters || now.rows[now.rows.length - 1]?.id !== last.id)
        return set({ loading: false });
      set({ rows: [...now.rows, ...older], hasMore: older.length === PAGE, loading: false });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err), loading: false });
    }
  },
  follow(api) {
    return api.on('events:appended', ({ events }) => {
      const { live, filters, rows } = get();
      if (!live) return;
      const fresh = events
        .map(summary)
        .filter((e) => matches(e, filters))
        .reverse();
      if (fresh.length === 0) return;
      const next = fresh.concat(rows);
      set({ rows: next.length > CAP ? next.slice(0, CAP) : next });
    });
  },
  setLive(live) {
    set({ live });
  },
}));
