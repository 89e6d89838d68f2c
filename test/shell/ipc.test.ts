// Runs in: Node (vitest). Owns: proving the Electron IPC binding checks the sender before parsing, hands valid
// calls to dispatch, forwards push events, and that the preload transport speaks the same channels.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { buildApi } from '../../src/shared/contract/build-api.js';
import { channelNames, type ChannelName } from '../../src/shared/contract/names.js';
import type { Handlers } from '../../src/main/api/dispatch.js';
import { EventBus } from '../../src/main/core/emitter.js';
import { createIpcCore, senderRefusal, type InvokeEventLike } from '../../src/main/shell/ipc-core.js';
import { bindIpc, EVENT_CHANNEL, forwardEvents, type IpcMainLike } from '../../src/main/shell/ipc.js';
import {
  createIpcTransport,
  EVENT_CHANNEL as PRELOAD_EVENT_CHANNEL,
  type IpcRendererLike,
} from '../../src/preload/transport.js';

const WINDOW_ID = 7;
const known = (id: number) => id === WINDOW_ID;

function fakeHandlers() {
  const fail = () => {
    throw new Error('not used in this test');
  };
  // Every channel of the contract, failing unless a test gives it a behaviour.
  const all = Object.fromEntries(channelNames.map((c) => [c, vi.fn(fail)])) as unknown as Record<
    ChannelName,
    ReturnType<typeof vi.fn>
  >;
  return {
    ...all,
    'stores:list': vi.fn(() => []),
    'stores:remove': vi.fn(() => ({ removed: true as const })),
  } as unknown as Handlers & Record<ChannelName, ReturnType<typeof vi.fn>>;
}

/** What Electron hands an ipcMain.handle listener when the app's own page calls. */
function appEvent(
  over: Partial<{ id: number; url: string; parent: unknown; frame: null }> = {},
): InvokeEventLike {
  return {
    sender: { id: over.id ?? WINDOW_ID },
    senderFrame:
      over.frame === null
        ? null
        : { url: over.url ?? 'app://storebridge/index.html', parent: over.parent ?? null },
  };
}

describe('sender check', () => {
  it('accepts the app origin, main frame, known webContents', () => {
    expect(senderRefusal(appEvent(), known)).toBeUndefined();
    expect(senderRefusal(appEvent({ url: 'app://storebridge/index.html#/stores' }), known)).toBeUndefined();
  });

  it.each([
    ['a foreign origin', appEvent({ url: 'https://evil.example/' }), /not app:\/\/storebridge/],
    ['a look-alike host', appEvent({ url: 'app://storebridge.evil/index.html' }), /not app:\/\/storebridge/],
    ['a file page', appEvent({ url: 'file:///tmp/index.html' }), /not app:\/\/storebridge/],
    ['a subframe', appEvent({ parent: { url: 'app://storebridge/' } }), /subframe/],
    ['an unknown webContents', appEvent({ id: 99 }), /did not create/],
    ['a destroyed frame', appEvent({ frame: null }), /gone/],
  ])('refuses %s', (_what, event, reason) => {
    expect(senderRefusal(event, known)).toMatch(reason);
  });
});

describe('IPC core', () => {
  it('passes a valid call through dispatch to its handler', async () => {
    const handlers = fakeHandlers();
    const call = createIpcCore({ handlers, isKnownSender: known });
    const id = randomUUID();
    expect(await call('stores:list', appEvent(), {})).toEqual({ ok: true, value: [] });
    expect(await call('stores:remove', appEvent(), { id })).toEqual({ ok: true, value: { removed: true } });
    expect(handlers['stores:remove']).toHaveBeenCalledWith({ id });
  });

  it.each([
    ['a foreign origin', appEvent({ url: 'https://evil.example/' })],
    ['a subframe', appEvent({ parent: {} })],
    ['an unknown webContents', appEvent({ id: 8 })],
  ])('refuses %s with a forbidden envelope, before any parsing', async (_what, event) => {
    const handlers = fakeHandlers();
    const logs: string[] = [];
    const call = createIpcCore({ handlers, isKnownSender: known, logger: { log: (_l, m) => logs.push(m) } });
    // Invalid input too: the refusal must come first, whatever the payload.
    const res = await call('stores:remove', event, { id: 'not-a-uuid' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('forbidden');
    expect(res.error.message).toMatch(/^Refused stores:remove: /);
    expect(handlers['stores:remove']).not.toHaveBeenCalled();
    expect(logs).toEqual(['ipc stores:remove refused']);
  });

  it('answers invalid input with invalid_input and field messages, without calling the handler', async () => {
    const handlers = fakeHandlers();
    const call = createIpcCore({ handlers, isKnownSender: known });
    const res = await call('stores:remove', appEvent(), { id: 'nope' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.fields?.id).toMatch(/UUID/);
    expect(handlers['stores:remove']).not.toHaveBeenCalled();
    const extra = await call('stores:list', appEvent(), { sneaky: true });
    expect(extra.ok).toBe(false);
  });
});

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

/** A renderer-side ipc wired to FakeIpcMain, as Electron would wire the preload of the app window. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  readonly invoke = vi.fn(async (channel: string, ...args: unknown[]) => {
    const handler = this.main.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(this.event, ...args);
  });
  constructor(
    private readonly main: FakeIpcMain,
    private readonly event: InvokeEventLike,
  ) {}
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return this;
  }
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  /** The webContents side: what main's `send` reaches. */
  asWebContents(destroyed = () => false) {
    return {
      isDestroyed: destroyed,
      send: (channel: string, ...args: unknown[]) => {
        const electronEvent = { sender: this, senderId: 0 };
        for (const l of this.listeners.get(channel) ?? []) l(electronEvent, ...args);
      },
    };
  }
}

describe('bindIpc + preload transport, end to end', () => {
  it('registers exactly the contract channels and removes them on dispose', () => {
    const main = new FakeIpcMain();
    const dispose = bindIpc(main, { handlers: fakeHandlers(), isKnownSender: known });
    expect([...main.handlers.keys()].sort()).toEqual([...channelNames].sort());
    dispose();
    expect(main.handlers.size).toBe(0);
  });

  it('carries a window.api call through the preload transport to the handler and back', async () => {
    const main = new FakeIpcMain();
    const handlers = fakeHandlers();
    bindIpc(main, { handlers, isKnownSender: known });
    const ipc = new FakeIpcRenderer(main, appEvent());
    const api = buildApi(createIpcTransport(ipc));
    const id = randomUUID();
    expect(await api.stores.remove({ id })).toEqual({ ok: true, value: { removed: true } });
    expect(ipc.invoke).toHaveBeenCalledWith('stores:remove', { id });
    expect(await api.stores.list()).toEqual({ ok: true, value: [] });

    const foreign = buildApi(
      createIpcTransport(new FakeIpcRenderer(main, appEvent({ url: 'https://evil.example/' }))),
    );
    const refused = await foreign.stores.list();
    expect(refused.ok === false && refused.error.code).toBe('forbidden');
  });

  it('hands the page functions only, never ipcRenderer', () => {
    const ipc = new FakeIpcRenderer(new FakeIpcMain(), appEvent());
    const api = buildApi(createIpcTransport(ipc)) as unknown as Record<string, unknown>;
    const seen: unknown[] = [];
    const walk = (v: unknown) => {
      seen.push(v);
      if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(api);
    expect(seen).not.toContain(ipc);
    expect(
      seen.every((v) => v === api || typeof v === 'function' || (typeof v === 'object' && v !== null)),
    ).toBe(true);
  });

  it('forwards bus events to the page without the Electron event, until unsubscribed or the window closes', () => {
    expect(PRELOAD_EVENT_CHANNEL).toBe(EVENT_CHANNEL);
    const bus = new EventBus();
    const ipc = new FakeIpcRenderer(new FakeIpcMain(), appEvent());
    const stop = forwardEvents(bus, ipc.asWebContents());
    const api = buildApi(createIpcTransport(ipc));
    const listener = vi.fn();
    const off = api.on('stores:changed', listener);
    bus.emit('stores:changed', { stores: [] });
    expect(listener.mock.calls).toEqual([[{ stores: [] }]]);

    off();
    off();
    expect(ipc.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
    bus.emit('stores:changed', { stores: [] });
    expect(listener).toHaveBeenCalledTimes(1);

    const again = vi.fn();
    api.on('stores:changed', again);
    stop();
    bus.emit('stores:changed', { stores: [] });
    expect(again).not.toHaveBeenCalled();
  });

  it('does not send to a destroyed window', () => {
    const bus = new EventBus();
    let destroyed = false;
    const target = { isDestroyed: () => destroyed, send: vi.fn() };
    forwardEvents(bus, target);
    bus.emit('stores:changed', { stores: [] });
    expect(target.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'stores:changed', { stores: [] });
    destroyed = true;
    expect(() => bus.emit('stores:changed', { stores: [] })).not.toThrow();
    expect(target.send).toHaveBeenCalledTimes(1);
  });

  it('refuses to subscribe to an event the contract does not name', () => {
    const api = buildApi(createIpcTransport(new FakeIpcRenderer(new FakeIpcMain(), appEvent())));
    expect(() => api.on('nope' as 'stores:changed', () => undefined)).toThrow(/Unknown event/);
  });
});
