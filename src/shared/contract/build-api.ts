// Runs everywhere (zod-free, so the preload can bundle it). Owns: building an Api object from a transport.
import type { Api, Transport } from './api.js';
import { channelNames, eventNames, splitChannel, type EventName } from './names.js';

export function buildApi(transport: Transport): Api {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) {
    const [domain, action] = splitChannel(name);
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[action] = (input?: unknown) => transport.invoke(name, input ?? {});
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(eventNames as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`);
    return transport.subscribe(event, listener);
  };
  return api as Api;
}
