import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { EventLog, type LoggedEvent } from './event-log.js';

const dirs: string[] = [];
const logs: EventLog[] = [];
afterEach(() => {
  logs.splice(0).forEach((l) => l.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function open(opts: { maskPii?: boolean; retention?: { maxAgeMs: number; maxRows: number } } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sb-events-'));
  dirs.push(dir);
  const clock = new ManualClock(1_000_000);
  const appended: LoggedEvent[] = [];
  const log = new EventLog(join(dir, 'events.db'), {
    clock,
    maskPii: () => opts.maskPii ?? false,
    ...(opts.retention ? { retention: opts.retention } : {}),
    onAppend: (e) => appended.push(...e),
  });
  logs.push(log);
  return { log, clock, appended };
}

describe('EventLog', () => {
  it('filters, searches full text and pages newest first', () => {
    const { log, appended } = open();
    log.append(
      {
        level: 'info',
        type: 'delivery.batch',
        message: 'Sent 50 contacts',
        connectionId: 'c1',
        platform: 'activecampaign',
      },
      {
        level: 'error',
        type: 'delivery.dead',
        message: 'Order 1042 rejected: currency missing',
        connectionId: 'c1',
        recordType: 'order',
        recordId: '1042',
      },
      { level: 'warn', type: 'delivery.retry', message: 'Rate limited, retrying in 2 s', connectionId: 'c2' },
    );
    expect(appended).toHaveLength(3);
    expect(log.query({ connectionId: 'c1' }).map((e) => e.type)).toEqual(['delivery.dead', 'delivery.batch']);
    expect(log.query({ level: 'error' })[0]!.recordId).toBe('1042');
    expect(log.query({ text: 'currenc' }).map((e) => e.recordId)).toEqual(['1042']);
    expect(log.query({ text: 'NEAR( "x' })).toEqual([]); // user text is never FTS syntax
    const newest = log.query({ limit: 1 });
    expect(log.query({ beforeId: newest[0]!.id, limit: 5 })).toHaveLength(2);
  });

  it('never stores credentials, and masks personal data when asked', () => {
    const { log } = open({ maskPii: true });
    const [e] = log.append({
      level: 'info',
      type: 'delivery.batch',
      message: 'x',
      payload: {
        email: 'jane.doe@example.com',
        phone: '+441234567889',
        apiKey: 'sk_live_123',
        nested: { Authorization: 'Bearer abc' },
        total: 12,
      },
    });
    const stored = JSON.stringify(log.query()[0]!.payload);
    for (const leaked of ['jane.doe@example.com', 'sk_live_123', 'Bearer abc', '+441234567889'])
      expect(stored).not.toContain(leaked);
    expect(e!.payload).toMatchObject({ email: 'j•••@e•••.com', total: 12, apiKey: '[redacted]' });
  });

  it('answers one record’s timeline oldest first', () => {
    const { log, clock } = open();
    log.append({
      level: 'info',
      type: 'extract.record',
      message: 'changed in BigCommerce',
      recordType: 'order',
      recordId: '7',
    });
    clock.advance(10);
    log.append({
      level: 'warn',
      type: 'delivery.retry',
      message: '503 from platform',
      recordType: 'order',
      recordId: '7',
    });
    clock.advance(10);
    log.append({
      level: 'info',
      type: 'delivery.ok',
      message: 'accepted',
      recordType: 'order',
      recordId: '7',
    });
    log.append({ level: 'info', type: 'delivery.ok', message: 'other', recordType: 'order', recordId: '8' });
    expect(log.timeline('order', '7').map((e) => e.type)).toEqual([
      'extract.record',
      'delivery.retry',
      'delivery.ok',
    ]);
  });

  it('prunes by age and by row cap, and the search index follows', () => {
    const { log, clock } = open({ retention: { maxAgeMs: 1000, maxRows: 3 } });
    log.append({ level: 'info', type: 't', message: 'ancient needle' });
    clock.advance(2000);
    for (let i = 0; i < 5; i++) log.append({ level: 'info', type: 't', message: `recent ${i}` });
    expect(log.prune()).toBe(3);
    expect(log.query().map((e) => e.message)).toEqual(['recent 4', 'recent 3', 'recent 2']);
    expect(log.query({ text: 'needle' })).toEqual([]);
  });

  it('lists pages without payloads, and gives one event with its payload on demand', () => {
    const { log } = open();
    log.append(
      { level: 'info', type: 'delivery.batch', message: 'with', payload: { counts: { ok: 3 }, token: 'tk' } },
      { level: 'warn', type: 'delivery.retry', message: 'without' },
    );
    const page = log.list({ limit: 10 });
    expect(page.map((e) => [e.message, e.hasPayload])).toEqual([
      ['without', false],
      ['with', true],
    ]);
    for (const row of page) expect(row).not.toHaveProperty('payload');
    // The same filters and keyset paging as query.
    expect(log.list({ type: 'delivery.batch' }).map((e) => e.id)).toEqual(
      log.query({ type: 'delivery.batch' }).map((e) => e.id),
    );
    expect(log.list({ beforeId: page[0]!.id }).map((e) => e.message)).toEqual(['with']);
    expect(log.get(page[1]!.id)?.payload).toEqual({ counts: { ok: 3 }, token: '[redacted]' });
    expect(log.get(page[0]!.id)?.payload).toBeNull();
    expect(log.get(9999)).toBeNull();
  });

  it('pages a search newest first, with the other filters, from the search index', () => {
    const { log } = open();
    for (let i = 1; i <= 30; i++)
      log.append({
        level: i % 3 === 0 ? 'error' : 'info',
        type: 'delivery.batch',
        message: i % 2 ? `needle ${i}` : `hay ${i}`,
      });
    const first = log.list({ text: 'needle', level: 'error', limit: 2 });
    expect(first.map((e) => e.message)).toEqual(['needle 27', 'needle 21']);
    const next = log.list({ text: 'needle', level: 'error', beforeId: first[1]!.id, limit: 5 });
    expect(next.map((e) => e.message)).toEqual(['needle 15', 'needle 9', 'needle 3']);
    expect(log.query({ text: 'needle', limit: 1 }).map((e) => e.message)).toEqual(['needle 29']);
  });

  it('has an index for each filter of the list, in newest-first order (a rare type is not a full scan)', () => {
    const { log } = open();
    // The shape of a filtered page as list() asks for it.
    const plan = (col: string) =>
      (
        log.db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT e.* FROM events e WHERE e.${col} = ? ORDER BY e.id DESC LIMIT ?`,
          )
          .all('x', 200) as Array<{ detail: string }>
      )
        .map((r) => r.detail)
        .join('; ');
    expect(plan('type')).toMatch(/USING INDEX events_type/);
    expect(plan('level')).toMatch(/USING INDEX events_level/);
    expect(plan('store_id')).toMatch(/USING INDEX events_store/);
    expect(plan('platform')).toMatch(/USING INDEX events_platform/);
    expect(plan('type')).not.toMatch(/TEMP B-TREE/);
  });
});
