// Runs in: Node (CLI). Owns: `storebridge sync`, `status`, `queue list|replay|purge-dead`, `events tail`.
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { expectOk, printTable, UsageError, type Output } from '../output.js';
import type { ChannelOutput } from '../../../shared/contract/index.js';

export const syncHelp = `storebridge sync --connection ID [--historical] [--from DATE --to DATE]
                                                run one sync now (historical: everything, or the range)
storebridge status                              every connection: queue depth, destination, last run
storebridge queue list --connection ID          dead letters with their reasons
storebridge queue replay --connection ID [--job N ...]   send dead letters again
storebridge queue purge-dead [--connection ID]  forget dead letters
storebridge events tail [--connection ID] [--level L] [--search TEXT] [--limit N] [--follow]`;

export async function syncCommand(ws: Workspace, o: Output, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      connection: { type: 'string' },
      historical: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  if (!values.connection) throw new UsageError(syncHelp);
  const off = ws.bus.on('sync:progress', (p) => {
    if (!o.json)
      o.err(
        `  ${p.phase}${p.staged !== undefined ? `: ${p.staged} read` : ''}${p.planned !== undefined ? `, ${p.planned} queued` : ''}`,
      );
  });
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const r = expectOk(
      o,
      await ws.call('sync:start', {
        connectionId: values.connection,
        ...(values.historical ? { historical: true } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
      }),
    );
    if (!r) return 1;
    o.out(o.json ? JSON.stringify(r) : syncLine(r));
    return r.dead > 0 ? 1 : 0;
  } finally {
    off();
    process.off('SIGINT', stop);
  }
}

/**
 * What `storebridge sync` prints when a run ends. A rate-limit wait spent no attempt, so it is not a retry;
 * what the platform has yet to confirm is neither delivered nor lost.
 */
export function syncLine(r: ChannelOutput<'sync:start'>): string {
  const rateLimited = r.rateLimited ?? 0;
  const parts = [`${r.extracted} change(s) read`, `${r.queued} queued`, `${r.delivered} delivered`];
  if (r.awaitingConfirmation)
    parts.push(
      `${r.awaitingConfirmation} submitted, awaiting ${r.platformLabel ?? 'the platform'}'s confirmation (checked again on the next sync)`,
    );
  if (r.deferred)
    parts.push(r.deferredNote ?? `${r.deferred} deferred by ${r.platformLabel ?? 'the platform'}`);
  parts.push(`${Math.max(0, r.retried - rateLimited)} to retry`);
  if (rateLimited) parts.push(`${rateLimited} waited for the rate limit`);
  parts.push(`${r.dead} dead-lettered`);
  return parts.join(', ') + (r.state === 'offline' ? ' (destination offline: the rest stays queued)' : '');
}

export async function statusCommand(ws: Workspace, o: Output): Promise<number> {
  const rows = [];
  for (const c of ws.connections.list()) {
    const s = expectOk(o, await ws.call('connections:status', { id: c.id }));
    if (!s) return 1;
    rows.push({ ...s, name: c.name, paused: c.paused });
  }
  printTable(o, rows, [
    ['CONNECTION', (r) => r.name],
    [
      'STATE',
      (r) =>
        r.paused
          ? 'paused'
          : r.running
            ? 'syncing'
            : r.destination === 'offline'
              ? `offline, ${r.queue.queued} queued`
              : 'live',
    ],
    ['QUEUED', (r) => String(r.queue.queued)],
    ['DEAD', (r) => String(r.queue.dead)],
    ['LAST OK', (r) => (r.lastOk ? new Date(r.lastOk).toISOString() : '-')],
    ['LAST ERROR', (r) => r.lastError ?? ''],
  ]);
  return 0;
}

export async function queueCommand(ws: Workspace, o: Output, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { connection: { type: 'string' }, job: { type: 'string', multiple: true } },
  });
  switch (sub) {
    case 'list': {
      if (!values.connection) throw new UsageError('queue list needs --connection');
      const dead = expectOk(o, await ws.call('queue:deadLetters', { id: values.connection }));
      if (!dead) return 1;
      printTable(o, dead, [
        ['JOB', (d) => String(d.jobId)],
        ['RECORD', (d) => `${d.entityType} ${d.entityId}`],
        ['REASON', (d) => d.reason],
      ]);
      return 0;
    }
    case 'replay': {
      if (!values.connection) throw new UsageError('queue replay needs --connection');
      const r = expectOk(
        o,
        await ws.call('queue:replay', {
          connectionId: values.connection,
          ...(values.job ? { jobIds: values.job.map(Number) } : {}),
        }),
      );
      if (!r) return 1;
      o.out(
        o.json ? JSON.stringify(r) : `${r.replayed} dead letter(s) queued again; they go with the next sync.`,
      );
      return 0;
    }
    case 'purge-dead': {
      const n = ws.queue.purgeDead(values.connection);
      o.out(o.json ? JSON.stringify({ purged: n }) : `${n} dead letter(s) purged.`);
      return 0;
    }
    default:
      throw new UsageError(syncHelp);
  }
}

export async function eventsCommand(ws: Workspace, o: Output, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'tail') throw new UsageError(syncHelp);
  const { values } = parseArgs({
    args: rest,
    options: {
      connection: { type: 'string' },
      level: { type: 'string' },
      search: { type: 'string' },
      limit: { type: 'string' },
      follow: { type: 'boolean' },
    },
  });
  const query = {
    ...(values.connection ? { connectionId: values.connection } : {}),
    ...(values.level ? { level: values.level as 'info' } : {}),
    ...(values.search ? { text: values.search } : {}),
    limit: Number(values.limit ?? 50),
  };
  const events = expectOk(o, await ws.call('events:query', query));
  if (!events) return 1;
  const print = (e: (typeof events)[number]) =>
    o.out(
      o.json
        ? JSON.stringify(e)
        : `${new Date(e.at).toISOString()} ${e.level.padEnd(5)} ${e.type.padEnd(20)} ${e.message}`,
    );
  events.reverse().forEach(print);
  if (!values.follow) return 0;
  let last = events.at(-1)?.id ?? 0;
  // Following polls the event log file, so it also sees events written by another process (the app).
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const fresh = ws.events
      .query({ ...query, limit: 500 })
      .filter((e) => e.id > last)
      .reverse();
    fresh.forEach(print);
    last = fresh.at(-1)?.id ?? last;
  }
}
