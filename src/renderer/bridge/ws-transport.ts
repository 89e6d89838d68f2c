// Runs in: renderer. Owns: the browser host's side of the contract over one WebSocket: numbered requests,
// their results, and pushed events. Main validates everything; this only routes messages.
import type { Transport } from '../../shared/contract/api';
import type { EventName, Result } from '../../shared/contract/index';

type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };

export function connectWebSocketTransport(url: string): Promise<Transport> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const pending = new Map<number, (r: Result<unknown>) => void>();
    const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
    let nextId = 1;

    socket.addEventListener('message', (ev) => {
      const msg = JSON.parse(String(ev.data)) as ServerMessage;
      if (msg.type === 'result') {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      } else if (msg.type === 'event') {
        for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
      }
    });
    socket.addEventListener('close', () => {
      for (const settle of pending.values()) {
        settle({
          ok: false,
          error: {
            code: 'network',
            message: 'The console lost its connection to Storebridge.',
            retryable: true,
          },
        });
      }
      pending.clear();
      window.dispatchEvent(new CustomEvent('storebridge:disconnected'));
    });
    socket.addEventListener('error', () => reject(new Error('the WebSocket bridge refused the connection')), {
      once: true,
    });
    socket.addEventListener(
      'open',
      () =>
        resolve({
          invoke(channel, input) {
            const id = nextId++;
            return new Promise((settle) => {
              pending.set(id, settle);
              socket.send(JSON.stringify({ type: 'invoke', id, channel, input }));
            });
          },
          subscribe(event, listener) {
            let set = listeners.get(event);
            if (!set) listeners.set(event, (set = new Set()));
            set.add(listener);
            return () => set.delete(listener);
          },
        }),
      { once: true },
    );
  });
}
