// Runs in: Electron main (ipcMain and webContents are passed in, so Node tests use fakes). Owns: the
// Electron binding of the contract: one ipcMain.handle per channel, and push events to a window.
import { channelNames, type EventName } from '../../shared/contract/names.js';
import { createIpcCore, type InvokeEventLike, type IpcCoreOptions } from './ipc-core.js';

/** The channel push events travel on: `send(EVENT_CHANNEL, name, payload)`. The preload listens on it. */
export const EVENT_CHANNEL = 'event';

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Registers every contract channel; returns the function that removes them all again. */
export function bindIpc(ipcMain: IpcMainLike, options: IpcCoreOptions): () => void {
  const call = createIpcCore(options);
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input) => call(channel, event, input));
  }
  return () => channelNames.forEach((channel) => ipcMain.removeHandler(channel));
}

export interface EventSourceLike {
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
}

export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Forwards every bus event to one window; call the returned function when the window closes. */
export function forwardEvents(bus: EventSourceLike, target: EventTargetLike): () => void {
  return bus.onAny((name, payload) => {
    // A window can be destroyed between its 'closed' event and our cleanup; sending then throws.
    if (!target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload);
  });
}
