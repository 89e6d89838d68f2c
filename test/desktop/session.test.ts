// Runs in: Node (vitest). Owns: the desktop session against a real workspace (SQLite, keychain, the
// BigCommerce simulator): tray state per store, pause/resume all, a refused token becoming one grouped
// "sign in again" notification whose link navigates, and the quit order with a sync in flight.
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { DesktopSession } from '../../src/main/desktop/session.js';
import type { QuitStep } from '../../src/main/desktop/quit-sequence.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup(opts: { token: string; customers?: number }) {
  const sim = await startBigCommerceSim({
    stores: [
      {
        hash: 'desk1',
        seed: { customers: opts.customers ?? 20, orders: 10, products: 5, seed: 'desk' },
        quota: 10_000,
        windowMs: 30_000,
        tokens: [{ token: 'tok_desktop_123456' }],
      },
    ],
  });
  closers.push(() => sim.close());
  let closed = false;
  const ws: Workspace = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService('desk'),
  });
  closers.push(() => (closed ? undefined : ws.close()));
  const store = await ws.stores.add({
    name: 'Desk Store',
    storeHash: 'desk1',
    accessToken: opts.token,
    apiBaseUrl: sim.url,
  });
  const account = await ws.accounts.add({ platform: 'file', name: 'Files', credentials: {} });
  const conn = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    settings: { directory: tempDir(), format: 'ndjson' },
    mode: 'off',
  });
  let now = 1_000_000;
  const shown: number[] = [];
  const session = new DesktopSession({
    workspace: { ...ws, shutdown: () => ((closed = true), ws.shutdown()) },
    clock: { now: () => now },
    pollMs: 60_000,
    policy: { groupWindowMs: 1_000 },
    showWindow: () => shown.push(now),
  });
  closers.push(() => (session.quit.started ? undefined : session.quit.run()));
  await session.start();
  return { ws, store, conn, session, shown, advance: (ms: number) => (now += ms), isClosed: () => closed };
}

describe('DesktopSession', () => {
  it('shows each store in the tray, and pauses and resumes every connection from it', async () => {
    const { ws, conn, session } = await setup({ token: 'tok_desktop_123456' });
    expect(session.trayState().stores).toEqual([
      expect.objectContaining({ name: 'Desk Store', state: 'ok' }),
    ]);
    const states: boolean[] = [];
    session.onTray((s) => states.push(s.allPaused));
    await session.act({ type: 'pause-all' });
    expect(ws.connections.get(conn.id).paused).toBe(true);
    expect(session.trayState()).toMatchObject({ allPaused: true, stores: [{ state: 'paused' }] });
    await session.act({ type: 'resume-all' });
    expect(ws.connections.get(conn.id).paused).toBe(false);
    expect(states).toEqual([true, false]);
  });

  it('turns a refused BigCommerce token into one "sign in again" notification that opens the connection', async () => {
    const { ws, conn, session, shown, advance } = await setup({ token: 'tok_revoked_999999' });
    const failed = await ws.call('sync:start', { connectionId: conn.id });
    expect(failed.ok).toBe(false);
    let pokes = 0;
    session.onAttention(() => pokes++);
    await session.refresh();
    expect(session.trayState().stores[0]).toMatchObject({
      state: 'attention',
      detail: expect.stringMatching(/sign in again/),
    });
    expect(pokes).toBe(1);
    expect(session.policy.due()).toEqual([]); // still inside the grouping window
    advance(1_500);
    const [note, ...rest] = session.policy.due();
    expect(rest).toEqual([]);
    expect(note).toMatchObject({ kind: 'reauth', title: 'Desk Store: sign in again' });
    expect(note!.link).toBe(`storebridge://connections/${conn.id}`);

    await session.refresh(); // the same condition again: told once
    advance(1_500);
    expect(session.policy.due()).toEqual([]);

    const navigations: unknown[] = [];
    ws.bus.on('app:navigate', (n) => navigations.push(n));
    expect(session.openLink(note!.link)).toBe(true);
    expect(session.openLink('storebridge://connections/../../etc')).toBe(false);
    expect(navigations).toEqual([{ area: 'connections', connectionId: conn.id }]);
    expect(shown).toHaveLength(1);
  });

  it('mutes a store from the settings: its conditions are not notified', async () => {
    const { ws, conn, store, session, advance } = await setup({ token: 'tok_revoked_999999' });
    await ws.call('desktop:saveSettings', { mutedStores: [store.id] });
    await ws.call('sync:start', { connectionId: conn.id });
    await session.refresh();
    advance(5_000);
    expect(session.policy.due()).toEqual([]);
  });

  it('quits in order: a sync in flight is cancelled at a batch boundary and recorded before storage closes', async () => {
    const { ws, conn, session, isClosed } = await setup({ token: 'tok_desktop_123456', customers: 3_000 });
    const steps: QuitStep[] = [];
    const running = ws.call('sync:start', { connectionId: conn.id, historical: true });
    await expect.poll(() => ws.engine.isRunning(conn.id)).toBe(true);
    const quitting = session.quit.run();
    expect(session.work.size).toBe(1); // the runs were handed to the drain before it stopped accepting
    const report = await quitting;
    steps.push(...report.steps);
    expect(steps).toEqual(['stop-claiming', 'drain', 'dispose', 'close-storage', 'done']);
    expect(report).toMatchObject({ drained: true, aborted: 0, errors: [] });
    expect(isClosed()).toBe(true);
    const first = await running;
    if (first.ok) expect(first.value.state).toBe('cancelled');
    else expect(first.error.code).toBe('cancelled');
  });
});

describe('DesktopSession and webhooks', () => {
  it('tells the person once when BigCommerce had switched a hook off, even though it was turned back on', async () => {
    const { ws, store, session, advance } = await setup({ token: 'tok_desktop_123456' });
    ws.events.append({
      level: 'warn',
      type: 'webhook.reenabled',
      storeId: store.id,
      message: 'BigCommerce had switched off the store/order/* webhook; Storebridge turned it back on.',
      payload: { scope: 'store/order/*' },
    });
    await expect.poll(() => session.policy.waiting()).toBe(1);
    advance(1_500);
    const notes = session.policy.due();
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'webhook-disabled',
        title: 'Desk Store: BigCommerce switched off a webhook',
      }),
    ]);
    expect(notes[0]!.link).toBe(`storebridge://stores/${store.id}`);
  });
});
