// Runs in: Node (vitest). Owns: the quit sequence with fake services (order, timeout, nothing half-recorded),
// the window-close decision, login items and the tray menu model.
import { describe, expect, it } from 'vitest';
import {
  autostartDesktopEntry,
  loginItemSettings,
  onWindowClose,
  startHidden,
} from '../../src/main/desktop/background.js';
import { QuitSequence, type QuitStep } from '../../src/main/desktop/quit-sequence.js';
import { trayMenu, type TrayStore } from '../../src/main/desktop/tray-menu.js';
import { NotAcceptingWork, WorkTracker } from '../../src/main/desktop/work-tracker.js';

/** A ledger whose two writes per delivery happen in one transaction, and which refuses writes once closed. */
class FakeStorage {
  ledger: string[] = [];
  doneJobs: string[] = [];
  closed = false;
  log: string[];
  constructor(log: string[]) {
    this.log = log;
  }
  record(job: string) {
    if (this.closed) throw new Error('The database connection is not open');
    const ledger = [...this.ledger, job];
    const done = [...this.doneJobs, job];
    this.ledger = ledger;
    this.doneJobs = done;
    this.log.push(`recorded ${job}`);
  }
  close() {
    this.closed = true;
    this.log.push('storage closed');
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** One delivery: the platform answers when `answer` resolves (or the abort fires), then it is recorded. */
function deliver(
  work: WorkTracker,
  storage: FakeStorage,
  job: string,
  answer: Promise<void>,
  obeysAbort = true,
) {
  return work.run(`deliver ${job}`, async (signal) => {
    await new Promise<void>((resolve, reject) => {
      void answer.then(resolve);
      if (obeysAbort) signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    storage.record(job);
  });
}

function setup(opts: { drainTimeoutMs: number; abortGraceMs?: number }) {
  const log: string[] = [];
  const storage = new FakeStorage(log);
  const work = new WorkTracker();
  const steps: QuitStep[] = [];
  const quit = new QuitSequence(
    {
      work,
      stopClaiming: () => void log.push('claiming stopped'),
      dispose: () => void log.push('disposed'),
      closeStorage: () => storage.close(),
    },
    { ...opts, onStep: (s) => steps.push(s) },
  );
  return { log, storage, work, quit, steps };
}

describe('QuitSequence', () => {
  it('stops claiming, waits for in-flight deliveries to be recorded, then closes storage', async () => {
    const { log, storage, work, quit, steps } = setup({ drainTimeoutMs: 5_000 });
    const a = deferred();
    const b = deferred();
    const runs = [deliver(work, storage, 'job-1', a.promise), deliver(work, storage, 'job-2', b.promise)];
    const report = quit.run();
    expect(quit.run()).toBe(report); // a second Quit waits for the same sequence
    await expect(deliver(work, storage, 'job-3', Promise.resolve())).rejects.toBeInstanceOf(NotAcceptingWork);
    a.resolve();
    await runs[0];
    expect(storage.closed).toBe(false); // job-2 still in flight
    b.resolve();
    const r = await report;
    await Promise.all(runs);
    expect(r).toMatchObject({ drained: true, aborted: 0, stuck: [], errors: [] });
    expect(steps).toEqual(['stop-claiming', 'drain', 'dispose', 'close-storage', 'done']);
    expect(log).toEqual([
      'claiming stopped',
      'recorded job-1',
      'recorded job-2',
      'disposed',
      'storage closed',
    ]);
    expect(storage.doneJobs).toEqual(['job-1', 'job-2']);
  });

  it('after the timeout aborts what is left: nothing is half-recorded, aborted jobs stay for the next start', async () => {
    const { storage, work, quit, steps } = setup({ drainTimeoutMs: 30, abortGraceMs: 1_000 });
    const fast = deferred();
    const never = new Promise<void>(() => {});
    const runs = [
      deliver(work, storage, 'job-1', fast.promise),
      deliver(work, storage, 'job-2', never),
      deliver(work, storage, 'job-3', never),
    ].map((p) =>
      p.then(
        () => 'ok',
        (e: Error) => e.message,
      ),
    );
    fast.resolve();
    const r = await quit.run();
    expect(r).toMatchObject({ drained: false, aborted: 2, stuck: [] });
    expect(steps).toEqual(['stop-claiming', 'drain', 'abort', 'dispose', 'close-storage', 'done']);
    expect(await Promise.all(runs)).toEqual(['ok', 'Storebridge is quitting', 'Storebridge is quitting']);
    // Ledger and job state agree row for row: each delivery is recorded whole or not at all.
    expect(storage.ledger).toEqual(['job-1']);
    expect(storage.doneJobs).toEqual(storage.ledger);
  });

  it('closes storage even when work ignores the abort; its late answer cannot write', async () => {
    const { storage, work, quit } = setup({ drainTimeoutMs: 20, abortGraceMs: 20 });
    const late = deferred();
    const run = deliver(work, storage, 'job-9', late.promise, false).catch((e: Error) => e.message);
    const r = await quit.run();
    expect(r.stuck).toEqual(['deliver job-9']);
    expect(storage.closed).toBe(true);
    late.resolve();
    expect(await run).toMatch(/not open/);
    expect(storage.ledger).toEqual([]);
  });

  it('a failing step is reported and does not keep the databases open', async () => {
    const work = new WorkTracker();
    let closed = false;
    const quit = new QuitSequence({
      work,
      stopClaiming: () => {
        throw new Error('scheduler already disposed');
      },
      closeStorage: () => void (closed = true),
    });
    const r = await quit.run();
    expect(r.errors).toEqual(['stop claiming: scheduler already disposed']);
    expect(closed).toBe(true);
  });
});

describe('window close and login items', () => {
  const base = { backgroundMode: true, quitting: false, trayAvailable: true, platform: 'linux' as const };
  it('hides to the tray in background mode (hinting once), quits otherwise, lets go while quitting', () => {
    expect(onWindowClose(base, false)).toEqual({ action: 'hide', hint: true });
    expect(onWindowClose(base, true)).toEqual({ action: 'hide', hint: false });
    expect(onWindowClose({ ...base, trayAvailable: false }, false)).toEqual({ action: 'minimize' });
    expect(onWindowClose({ ...base, backgroundMode: false }, false)).toEqual({ action: 'quit' });
    expect(onWindowClose({ ...base, backgroundMode: false, platform: 'darwin' }, false)).toEqual({
      action: 'close',
    });
    expect(onWindowClose({ ...base, quitting: true }, false)).toEqual({ action: 'close' });
  });

  it('starts at login hidden through a flag, on every OS', () => {
    expect(loginItemSettings({ startAtLogin: true, hidden: true })).toEqual({
      openAtLogin: true,
      args: ['--hidden'],
    });
    expect(loginItemSettings({ startAtLogin: false, hidden: true })).toEqual({
      openAtLogin: false,
      args: [],
    });
    expect(
      autostartDesktopEntry('/opt/Storebridge/storebridge', { startAtLogin: true, hidden: true }),
    ).toContain('Exec=/opt/Storebridge/storebridge --hidden\n');
    expect(
      autostartDesktopEntry('/home/a b/Storebridge.AppImage', { startAtLogin: true, hidden: false }),
    ).toContain('Exec="/home/a b/Storebridge.AppImage"\n');
    expect(autostartDesktopEntry('/x', { startAtLogin: false, hidden: true })).toBeUndefined();
    expect(startHidden(['/opt/storebridge', '--hidden'])).toBe(true);
    expect(startHidden(['/opt/storebridge'])).toBe(false);
  });
});

describe('trayMenu', () => {
  const stores: TrayStore[] = Array.from({ length: 14 }, (_, i) => ({
    id: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
    name: `Store ${String(i).padStart(2, '0')}`,
    state: 'ok',
  }));
  stores[7] = { ...stores[7]!, state: 'attention', detail: 'sign in again' };
  stores[3] = { ...stores[3]!, state: 'syncing' };

  it('puts stores needing attention first, caps the list, and offers pause, sync, open, quit', () => {
    const m = trayMenu({ stores, allPaused: false, quitting: false, maxStores: 5 });
    expect(m.tooltip).toBe('Storebridge: 14 stores, 1 syncing, 1 needs attention');
    const labels = m.items.map((i) => (i.kind === 'separator' ? '---' : i.label));
    expect(labels).toEqual([
      '14 stores, 1 syncing, 1 needs attention',
      '---',
      '⚠ Store 07 — sign in again',
      '⟳ Store 03',
      '✓ Store 00',
      '✓ Store 01',
      '10 more stores…',
      '---',
      'Pause all',
      'Sync now',
      '---',
      'Open Storebridge',
      'Quit',
    ]);
    const first = m.items[2];
    expect(first).toMatchObject({
      action: { type: 'open-link', link: `storebridge://stores/${stores[7]!.id}` },
    });
  });

  it('offers Resume when everything is paused and disables everything but Open while quitting', () => {
    const paused = trayMenu({ stores, allPaused: true, quitting: false });
    const ids = paused.items.flatMap((i) => (i.kind === 'action' ? [[i.id, i.enabled]] : []));
    expect(ids).toContainEqual(['resume-all', true]);
    expect(ids).toContainEqual(['sync-now', false]);
    const quitting = trayMenu({ stores, allPaused: false, quitting: true });
    const enabled = quitting.items.flatMap((i) => (i.kind === 'action' && i.enabled ? [i.id] : []));
    expect(enabled).toEqual(['open']);
    expect(quitting.tooltip).toMatch(/Finishing deliveries/);
  });
});
