// Runs in: sandboxed preload (plain: ipcRenderer is passed in, so Node tests use a fake). Owns: the Transport
// under window.api over Electron IPC; the page gets functions, never ipcRenderer nor its event objects.
import type { Transport } from '../shared/contract/api.js';
import type { EventName } from '../shared/contract/names.js';

/** Must equal EVENT_CHANNEL in src/main/shell/ipc.ts (the preload may not import main; a test checks both). */
export const EVENT_CHANNEL = 'event';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createIpcTransport(ipc: IpcRendererLike): Transport {
  return {
    invoke: (channel, input) => ipc.invoke(channel, input) as ReturnType<Transport['invoke']>,
    subscribe(event: EventName, listener: (payload: unknown) => void) {
      // The Electron event (with its `sender`) stays here: handing it to the page would leak ipcRenderer.
      const onMessage = (_event: unknown, name: unknown, payload: unknown) => {
        if (name === event) listener(payload);
      };
      ipc.on(EVENT_CHANNEL, onMessage);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(EVENT_CHANNEL, onMessage);
      };
    },
  };
}
