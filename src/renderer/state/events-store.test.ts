// Runs in: vitest. Owns: the event log's store against a scripted Api: a small first page then large older
// pages by keyset, and live events kept as list rows (filtered, newest first, payloads dropped).
import { beforeEach, expect, it } from 'vitest';
import type { Api } from '../../shared/contract/api';
import type { ChannelInput } from '../../shared/contract/index';
import { useEvents, type EventSummary, type LoggedEvent } from './events-store';

const row = (id: number, type = 'delivery.batch'): EventSummary => ({
  id,
  at: id,
  level: 'info',
  type,
  message: `event ${id}`,
  storeId: null,
  connectionId: null,
  platform: null,
  recordType: null,
  recordId: null,
  hasPayload: true,
});

/** The newest `limit` of `total` events below `beforeId`, as main answers `events:list`. */
function scripted(total: number) {
  const asked: ChannelInput<'events:list'>[] = [];
  let push: ((p: { events: LoggedEvent[] }) => void) | undefined;
  const api = {
    events: {
      list: (q: ChannelInput<'events:list'> = {}) => {
        asked.push(q);
        const top = Math.min(total, (q.beforeId ?? total + 1) - 1);
        const n = Math.max(0, Math.min(q.limit ?? 200, top));
        return Promise.resolve({ ok: true, value: Array.from({ length: n }, (_, k) => row(top - k)) });
      },
    },
    on: (_event: string, listener: (p: { events: LoggedEvent[] }) => void) => {
      push = listener;
      return () => (push = undefined);
    },
  } as unknown as Api;
  return { api, asked, push: (events: LoggedEvent[]) => push?.({ events }) };
}

beforeEach(() => useEvents.setState({ rows: [], filters: {}, loading: false, hasMore: false, live: true }));

it('shows a small first page, then pages of 5,000 older rows by id until the log is exhausted', async () => {
  const { api, asked } = scripted(10_300);
  await useEvents.getState().setFilters(api, { type: 'delivery.batch' });
  expect(useEvents.getState().rows).toHaveLength(200);
  expect(useEvents.getState().hasMore).toBe(true);
  await useEvents.getState().loadOlder(api);
  await useEvents.getState().loadOlder(api);
  await useEvents.getState().loadOlder(api);
  const { rows, hasMore } = useEvents.getState();
  expect(rows).toHaveLength(10_300);
  expect(hasMore).toBe(false);
  expect(new Set(rows.map((r) => r.id)).size).toBe(10_300);
  expect(asked.map((q) => [q.limit, q.beforeId, q.type])).toEqual([
    [200, undefined, 'delivery.batch'],
    [5000, 10_101, 'delivery.batch'],
    [5000, 5101, 'delivery.batch'],
    [5000, 101, 'delivery.batch'],
  ]);
});

it('keeps live events that match the filters as list rows, newest first, without their payloads', async () => {
  const { api, push } = scripted(3);
  await useEvents.getState().setFilters(api, { type: 'delivery.dead' });
  const stop = useEvents.getState().follow(api);
  const live = (id: number, type: string, payload: unknown): LoggedEvent => {
    const { hasPayload: _, ...rest } = row(id, type);
    return { ...rest, payload };
  };
  push([
    live(4, 'delivery.dead', { apiKey: '[redacted]' }),
    live(5, 'delivery.ok', null),
    live(6, 'delivery.dead', null),
  ]);
  const top = useEvents.getState().rows.slice(0, 2);
  expect(top.map((r) => [r.id, r.hasPayload])).toEqual([
    [6, false],
    [4, true],
  ]);
  for (const r of top) expect(r).not.toHaveProperty('payload');
  stop();
});
