// Runs in: Node (vitest). Owns: the thin Electron adapters driven with stand-ins for the Electron objects:
// deep links reach `open`, quit waits for the sequence, closing hides, the tray template routes clicks.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { QuitSequence } from '../../src/main/desktop/quit-sequence.js';
import { trayMenu, type TrayAction } from '../../src/main/desktop/tray-menu.js';
import { WorkTracker } from '../../src/main/desktop/work-tracker.js';
import { bindBackgroundMode } from '../../src/main/shell/background-window.js';
import { bindDeepLinks } from '../../src/main/shell/deep-links.js';
import { toTemplate } from '../../src/main/shell/tray.js';

const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

function fakeApp() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    registered: [] as string[],
    exited: [] as number[],
    setAsDefaultProtocolClient: (s: string) => (app.registered.push(s), true),
    exit: (code: number) => void app.exited.push(code),
  });
  return app;
}

function event() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('bindDeepLinks', () => {
  it('handles the launch argv, a second instance and macOS open-url', () => {
    const app = fakeApp();
    const log: string[] = [];
    const links = bindDeepLinks({
      app: app as never,
      argv: ['/opt/storebridge', `storebridge://stores/${ID}`],
      focus: () => log.push('focus'),
      open: (t) => log.push(`open ${t.screen}`),
      rejected: (r) => log.push(`rejected ${r}`),
    });
    expect(app.registered).toEqual(['storebridge']);
    app.emit('second-instance', event(), ['/opt/storebridge', `storebridge://connections/${ID}`]);
    const e = event();
    app.emit('open-url', e, 'storebridge://stores/nope');
    expect(e.prevented).toBe(true);
    expect(log).toEqual([
      'open store',
      'focus',
      'open connection',
      'focus',
      'rejected expected storebridge://stores/<uuid>',
    ]);
    links.dispose();
    expect(app.listenerCount('second-instance') + app.listenerCount('open-url')).toBe(0);
  });
});

describe('bindBackgroundMode', () => {
  it('hides on close in background mode and quits only after the sequence has closed storage', async () => {
    const app = fakeApp();
    const work = new WorkTracker();
    let closed = false;
    let release!: () => void;
    void work.run('deliver', () => new Promise<void>((r) => (release = r)));
    const quit = new QuitSequence({ work, stopClaiming: () => {}, closeStorage: () => void (closed = true) });
    const hints: string[] = [];
    const bg = bindBackgroundMode({
      app: app as never,
      quit,
      settings: () => ({ backgroundMode: true }),
      trayAvailable: () => true,
      hint: () => hints.push('hint'),
    });
    const win = Object.assign(new EventEmitter(), {
      hidden: 0,
      hide: () => void win.hidden++,
      minimize: () => {},
    });
    bg.manage(win as never, 'linux');
    const close = event();
    win.emit('close', close);
    win.emit('close', event());
    expect([close.prevented, win.hidden, hints]).toEqual([true, 2, ['hint']]);

    const q1 = event();
    app.emit('before-quit', q1);
    expect(q1.prevented).toBe(true);
    const q2 = event();
    app.emit('before-quit', q2); // a second Quit while the first runs
    expect(q2.prevented).toBe(true);
    // While quitting, closing the window is let through.
    const closing = event();
    win.emit('close', closing);
    expect(closing.prevented).toBe(false);
    expect(app.exited).toEqual([]);
    release();
    await quit.run();
    await Promise.resolve();
    expect(closed).toBe(true);
    expect(app.exited).toEqual([0]);
  });
});

describe('tray template', () => {
  it('maps the model to Electron menu items whose clicks return the action', () => {
    const actions: TrayAction[] = [];
    const model = trayMenu({
      stores: [{ id: ID, name: 'Acme', state: 'ok' }],
      allPaused: false,
      quitting: false,
    });
    const template = toTemplate(model.items, (a) => actions.push(a));
    expect(template[0]).toEqual({ label: '1 store', enabled: false });
    expect(template[1]).toEqual({ type: 'separator' });
    const quitItem = template.find((t) => t.id === 'quit');
    (quitItem?.click as () => void)();
    (template.find((t) => t.id === `store:${ID}`)?.click as () => void)();
    expect(actions).toEqual([{ type: 'quit' }, { type: 'open-link', link: `storebridge://stores/${ID}` }]);
  });
});
