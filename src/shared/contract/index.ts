// Runs everywhere. Owns: the contract: every channel with its zod input and output, and every push event.
import { z } from 'zod';
import { appInfoSchema } from './app.js';
import {
  addStoreInputSchema,
  removeStoreInputSchema,
  renameStoreInputSchema,
  storeSummarySchema,
} from './stores.js';
import type { ChannelName, EventName } from './names.js';

const empty = z.object({}).strict();

/** Every channel the renderer may call. Inputs are parsed in main by the binding, never in handlers. */
export const channels = {
  /** Version, workspace folder and whether the OS keychain is usable. */
  'app:info': { input: empty, output: appInfoSchema },
  /** Every store in the workspace, oldest first. */
  'stores:list': { input: empty, output: z.array(storeSummarySchema) },
  /** Adds a store: the token goes to the keychain, the row to SQLite. */
  'stores:add': { input: addStoreInputSchema, output: storeSummarySchema },
  'stores:rename': { input: renameStoreInputSchema, output: storeSummarySchema },
  /** Removes the store and its keychain entry. */
  'stores:remove': { input: removeStoreInputSchema, output: z.object({ removed: z.literal(true) }) },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

/** Push events from main to the renderer. */
export const events = {
  /** The list of stores changed (added, renamed, removed). */
  'stores:changed': z.object({ stores: z.array(storeSummarySchema) }),
} as const satisfies Record<EventName, z.ZodType>;

export type Channels = typeof channels;
export type Events = typeof events;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export * from './names.js';
export * from './envelope.js';
export * from './stores.js';
export * from './app.js';
