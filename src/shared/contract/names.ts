// Runs everywhere, including the sandboxed preload. Owns: the names of every channel and push event.
// Kept free of zod so the preload bundle stays one small file; `contract/index.ts` checks it matches.

export const channelNames = [
  'app:info',
  'stores:list',
  'stores:add',
  'stores:rename',
  'stores:remove',
  'stores:updateToken',
  'stores:setClientSecret',
  'platforms:list',
  'accounts:list',
  'accounts:add',
  'accounts:remove',
  'connections:list',
  'connections:add',
  'connections:remove',
  'connections:pause',
  'connections:resume',
  'connections:status',
  'sync:start',
  'queue:deadLetters',
  'queue:replay',
  'events:query',
  'events:list',
  'events:get',
  'events:timeline',
  'stores:verify',
  'connections:verifySetup',
  'mapping:catalogue',
  'mapping:get',
  'mapping:validate',
  'mapping:save',
  'mapping:preview',
  'mapping:defaults',
  'templates:list',
  'templates:save',
  'templates:delete',
  'templates:apply',
  'diagnostics:preview',
  'diagnostics:save',
  'workspace:export',
  'workspace:import',
  'consent:show',
  'consent:pull',
  'consent:report',
  'consent:preview',
  'consent:apply',
  'consent:impact',
  'privacy:erase',
  'privacy:access',
  'privacy:audit',
  'policies:list',
  'policies:add',
  'policies:preview',
  'policies:run',
  'policies:remove',
  'scripts:list',
  'scripts:sync',
  'scripts:remove',
  'sync:cancel',
  'sync:estimate',
  'desktop:settings',
  'desktop:saveSettings',
] as const;

export const eventNames = [
  'stores:changed',
  'accounts:changed',
  'connections:changed',
  'sync:progress',
  'events:appended',
  'app:navigate',
] as const;

export type ChannelName = (typeof channelNames)[number];
export type EventName = (typeof eventNames)[number];

/** `stores:add` -> `['stores', 'add']`: the renderer sees `api.stores.add(...)`. */
export function splitChannel(name: string): [domain: string, action: string] {
  const i = name.indexOf(':');
  return [name.slice(0, i), name.slice(i + 1)];
}
