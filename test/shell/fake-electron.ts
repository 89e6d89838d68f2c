// Runs in: Node (vitest). Owns: a stand-in for the parts of the `electron` module src/main/index.ts uses,
// recording what the shell does with them, so its lifecycle is tested without the Electron binary.
import { EventEmitter } from 'node:events';

export interface FakeWebContents extends EventEmitter {
  id: number;
  sent: unknown[][];
  destroyed: boolean;
  openHandler?: (details: { url: string }) => unknown;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  isLoading(): boolean;
  setWindowOpenHandler(h: (details: { url: string }) => unknown): void;
}

let nextId = 1;
function webContents(): FakeWebContents {
  const wc = Object.assign(new EventEmitter(), {
    id: nextId++,
    sent: [] as unknown[][],
    destroyed: false,
    openHandler: undefined as ((details: { url: string }) => unknown) | undefined,
    send: (...args: unknown[]) => void wc.sent.push(args),
    isDestroyed: () => wc.destroyed,
    isLoading: () => false,
    setWindowOpenHandler: (h: (details: { url: string }) => unknown) => void (wc.openHandler = h),
  });
  return wc;
}

export function createFakeElectron(opts: { appPath: string; userData: string }) {
  const log: string[] = [];
  const paths = new Map([['userData', opts.userData]]);
  let fireReady!: () => void;
  const ready = new Promise<void>((resolve) => (fireReady = resolve));

  const app = Object.assign(new EventEmitter(), {
    lock: true,
    fireReady,
    whenReady: () => ready,
    enableSandbox: () => void log.push('enableSandbox'),
    getPath: (name: string) => paths.get(name) ?? `/fake/${name}`,
    setPath: (name: string, value: string) => {
      log.push(`setPath:${name}`);
      paths.set(name, value);
    },
    requestSingleInstanceLock: () => (log.push('requestSingleInstanceLock'), app.lock),
    getAppPath: () => opts.appPath,
    isPackaged: false,
    setAsDefaultProtocolClient: (scheme: string) => (log.push(`protocolClient:${scheme}`), true),
    setLoginItemSettings: (s: unknown) => void log.push(`loginItem:${JSON.stringify(s)}`),
    quit: () => void log.push('quit'),
    exit: (code: number) => void log.push(`exit:${code}`),
  });

  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    readonly webContents = webContents();
    destroyed = false;
    minimized = true;
    loaded?: string;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => this.minimized;
    restore = () => void log.push('restore');
    show = () => void log.push('show');
    hide = () => void log.push('hide');
    minimize = () => void log.push('minimize');
    focus = () => void log.push('focus');
    close() {
      this.destroyed = this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const sessionHandlers: { request?: unknown; check?: (...args: unknown[]) => boolean } = {};

  const trays: FakeTray[] = [];
  class FakeTray extends EventEmitter {
    tooltip = '';
    menu: Array<{ id?: string; label?: string; enabled?: boolean; click?: () => void }> = [];
    image: unknown;
    destroyed = false;
    constructor(image: unknown) {
      super();
      this.image = image;
      trays.push(this);
    }
    setToolTip = (t: string) => void (this.tooltip = t);
    setContextMenu = (m: { items: FakeTray['menu'] }) => void (this.menu = m.items);
    setImage = (i: unknown) => void (this.image = i);
    destroy = () => void (this.destroyed = true);
  }
  const notifications: Array<{ title: string; body: string; shown: boolean; emit(e: string): boolean }> = [];
  class FakeNotification extends EventEmitter {
    static isSupported = () => true;
    shown = false;
    title: string;
    body: string;
    constructor(o: { title: string; body: string }) {
      super();
      this.title = o.title;
      this.body = o.body;
      notifications.push(this);
    }
    show = () => void (this.shown = true);
  }
  const powerMonitor = new EventEmitter();

  const electron = {
    app,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (items: FakeTray['menu']) => ({ items }) },
    Notification: FakeNotification,
    powerMonitor,
    nativeImage: { createFromBuffer: (b: Buffer) => ({ png: b.length }) },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (title: string, body: string) => void log.push(`errorBox:${title}:${body}`) },
    ipcMain: {
      handle: (channel: string, h: (event: unknown, ...args: unknown[]) => unknown) =>
        void ipcHandlers.set(channel, h),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        log.push('registerSchemesAsPrivileged');
        privileged.push(...schemes);
      },
      handle: (scheme: string, h: (request: Request) => Promise<Response>) =>
        void protocolHandlers.set(scheme, h),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: unknown) => void (sessionHandlers.request = h),
        setPermissionCheckHandler: (h: (...args: unknown[]) => boolean) => void (sessionHandlers.check = h),
      },
    },
    shell: { openExternal: async (url: string) => void log.push(`openExternal:${url}`) },
  };

  return {
    electron,
    log,
    app,
    windows,
    ipcHandlers,
    protocolHandlers,
    privileged,
    sessionHandlers,
    trays,
    notifications,
    powerMonitor,
    newWebContents: webContents,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
