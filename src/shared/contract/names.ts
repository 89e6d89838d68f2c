// Runs everywhere, including the sandboxed preload. Owns: the names of every channel and push event.
// Kept free of zod so the preload bundle stays one small file; `contract/index.ts` checks it matches.

export const channelNames = [
  'app:info',
  'stores:list',
  'stores:add',
  'stores:rename',
  'stores:remove',
] as const;

export const eventNames = ['stores:changed'] as const;

export type ChannelName = (typeof channelNames)[number];
export type EventName = (typeof eventNames)[number];

/** `stores:add` -> `['stores', 'add']`: the renderer sees `api.stores.add(...)`. */
export function splitChannel(name: string): [domain: string, action: string] {
  const i = name.indexOf(':');
  return [name.slice(0, i), name.slice(i + 1)];
}
