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

  const electron = {
    app,
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
    newWebContents: webContents,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
