// Runs everywhere. Owns: the contract: every channel with its zod input and output, and every push event.
import { z } from 'zod';
import { appInfoSchema, desktopSettingsSchema, navigateSchema } from './app.js';
import {
  addStoreInputSchema,
  removeStoreInputSchema,
  renameStoreInputSchema,
  storeSummarySchema,
  updateStoreTokenInputSchema,
  updateStoreTokenOutputSchema,
  setStoreClientSecretInputSchema,
  setStoreClientSecretOutputSchema,
} from './stores.js';
import type { ChannelName, EventName } from './names.js';
import {
  accountSummarySchema,
  addAccountInputSchema,
  idInputSchema,
  platformInfoSchema,
} from './accounts.js';
import {
  addConnectionInputSchema,
  connectionStatusSchema,
  connectionSummarySchema,
  deadLetterSchema,
  replayInputSchema,
  syncInputSchema,
  syncProgressSchema,
  syncSummarySchema,
} from './connections.js';
import {
  eventIdInputSchema,
  eventQuerySchema,
  eventSummarySchema,
  loggedEventSchema,
  timelineInputSchema,
} from './events.js';
import {
  connectionEntityInputSchema,
  diagnosticsPreviewSchema,
  mappingDraftSchema,
  mappingEntitySchema,
  setupVerificationSchema,
  storeVerificationSchema,
  transferSummarySchema,
  verifySetupInputSchema,
} from './tools.js';

const empty = z.object({}).strict();
const storeInput = z.object({ storeId: z.string().min(1) });

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
  /**
   * Replaces a store's token in place after the store accepted it (the old one stays if it is refused), and
   * resumes the store's connections held for re-authentication.
   */
  'stores:updateToken': { input: updateStoreTokenInputSchema, output: updateStoreTokenOutputSchema },
  /** Sets or clears the API account's client secret (keychain only), with which webhook signatures are checked. */
  'stores:setClientSecret': {
    input: setStoreClientSecretInputSchema,
    output: setStoreClientSecretOutputSchema,
  },
  /** The destinations this build can sync to, with their capabilities. */
  'platforms:list': { input: empty, output: z.array(platformInfoSchema) },
  'accounts:list': { input: empty, output: z.array(accountSummarySchema) },
  /** Credentials are validated by the platform's schema and go to the keychain. */
  'accounts:add': { input: addAccountInputSchema, output: accountSummarySchema },
  'accounts:remove': { input: idInputSchema, output: z.object({ removed: z.literal(true) }) },
  'connections:list': {
    input: z.object({ storeId: z.string().optional() }).strict(),
    output: z.array(connectionSummarySchema),
  },
  'connections:add': { input: addConnectionInputSchema, output: connectionSummarySchema },
  /** Stops syncing and forgets the queue; what was delivered stays on the platform. */
  'connections:remove': { input: idInputSchema, output: z.object({ removed: z.literal(true) }) },
  'connections:pause': { input: idInputSchema, output: connectionSummarySchema },
  'connections:resume': { input: idInputSchema, output: connectionSummarySchema },
  'connections:status': { input: idInputSchema, output: connectionStatusSchema },
  /** Runs one sync (live, or historical with an optional range) and answers when it ends; progress is pushed. */
  'sync:start': { input: syncInputSchema, output: syncSummarySchema },
  /** Stops a running sync after the batch in flight is recorded; it resumes where it stopped. */
  'sync:cancel': {
    input: z.object({ connectionId: z.string().min(1) }),
    output: z.object({ cancelled: z.boolean() }),
  },
  /**
   * Before a historical sync: records, API calls on each side and the ETA their rate limits imply, for the
   * same resources and date range `sync:start` would be given (everything when they are absent).
   */
  'sync:estimate': {
    input: syncInputSchema.omit({ historical: true }),
    output: z.object({
      records: z.record(z.string(), z.number()),
      bigcommerceCalls: z.number(),
      platformCalls: z.number(),
      bigcommerceSeconds: z.number(),
      platformSeconds: z.number(),
      etaSeconds: z.number(),
      binding: z.enum(['bigcommerce', 'platform']),
      basis: z.string(),
    }),
  },
  /** How the console behaves on the desktop (background mode, start at login, notifications, mutes). */
  'desktop:settings': { input: empty, output: desktopSettingsSchema },
  'desktop:saveSettings': { input: desktopSettingsSchema.partial().strict(), output: desktopSettingsSchema },
  'queue:deadLetters': { input: idInputSchema, output: z.array(deadLetterSchema) },
  /** Sends dead letters again (all of a connection, some ids, or one record type). */
  'queue:replay': { input: replayInputSchema, output: z.object({ replayed: z.number() }) },
  'events:query': { input: eventQuerySchema, output: z.array(loggedEventSchema) },
  /** A page of the console's list, newest first, without payloads (see `events:get`). */
  'events:list': { input: eventQuerySchema, output: z.array(eventSummarySchema) },
  /** One event with its payload for the viewer; null once retention dropped it. */
  'events:get': { input: eventIdInputSchema, output: loggedEventSchema.nullable() },
  /** Everything about one record, oldest first. */
  'events:timeline': { input: timelineInputSchema, output: z.array(loggedEventSchema) },
  /** Calls the store with its token: which scopes are readable, store facts, and what to fix. */
  'stores:verify': { input: z.object({ id: z.string().min(1) }).strict(), output: storeVerificationSchema },
  /** A connection's platform checks item by item with fixes, then its optional test-record round trip. */
  'connections:verifySetup': { input: verifySetupInputSchema, output: setupVerificationSchema },
  /** BigCommerce fields (with the store's custom form fields and attributes) and the platform's live fields. */
  'mapping:catalogue': {
    input: z.object({ connectionId: z.string().min(1), entity: mappingEntitySchema.optional() }),
    output: z.object({ catalogue: z.unknown(), skipped: z.array(z.unknown()) }),
  },
  'mapping:get': { input: connectionEntityInputSchema, output: z.unknown() },
  'mapping:validate': {
    input: z.object({ connectionId: z.string().min(1), mapping: mappingDraftSchema }),
    output: z.array(z.unknown()),
  },
  /** Refuses a mapping with errors (invalid_input with fields); answers its warnings. */
  'mapping:save': {
    input: z.object({ connectionId: z.string().min(1), mapping: mappingDraftSchema }),
    output: z.object({ issues: z.array(z.unknown()) }),
  },
  /** Recent real records before and after the mapping, with every issue found. */
  'mapping:preview': {
    input: z.object({
      connectionId: z.string().min(1),
      mapping: mappingDraftSchema,
      limit: z.number().int().min(1).max(100).optional(),
    }),
    output: z.unknown(),
  },
  /** The connector's default mapping fitted to this store, with what did not fit. */
  'mapping:defaults': { input: connectionEntityInputSchema, output: z.unknown() },
  'templates:list': { input: empty, output: z.array(z.unknown()) },
  'templates:save': {
    input: z.object({
      name: z.string().trim().min(1).max(100),
      connectionId: z.string().min(1),
      entity: mappingEntitySchema,
    }),
    output: z.unknown(),
  },
  'templates:delete': {
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ deleted: z.boolean() }),
  },
  /** Applies a template to many connections; reports per connection what fitted and what did not. */
  'templates:apply': {
    input: z.object({ templateId: z.string().min(1), connectionIds: z.array(z.string().min(1)).min(1) }),
    output: z.array(z.unknown()),
  },
  /** What a support bundle would contain, before anything is written. */
  'diagnostics:preview': {
    input: z.object({ includePii: z.boolean().default(false) }),
    output: diagnosticsPreviewSchema,
  },
  'diagnostics:save': {
    input: z.object({
      path: z.string().min(1),
      includePii: z.boolean().default(false),
      /** An existing file is replaced only when this is true. */
      overwrite: z.boolean().default(false),
    }),
    output: z.object({ path: z.string(), size: z.number().int(), files: z.number().int() }),
  },
  /** Stores, accounts, connections, mappings and their secrets, encrypted with a passphrase. */
  'workspace:export': {
    input: z.object({
      path: z.string().min(1),
      passphrase: z.string().min(10, { message: 'Use a passphrase of at least 10 characters' }),
      /** An existing file is replaced only when this is true. */
      overwrite: z.boolean().default(false),
    }),
    output: transferSummarySchema,
  },
  /** A person's consent in BigCommerce and on each platform, with the ledger's history and provenance. */
  'consent:show': {
    input: z.object({
      storeId: z.string().min(1),
      email: z.string().email({ message: 'Enter an email address' }),
    }),
    output: z.unknown(),
  },
  /** Pulls opt-outs made on the platforms into the ledger. */
  'consent:pull': { input: z.object({ storeId: z.string().optional() }), output: z.array(z.unknown()) },
  /** Where BigCommerce and the platforms disagree with the ledger's verdict. */
  'consent:report': { input: storeInput, output: z.array(z.unknown()) },
  /** What reconciling would change, before anything is written. */
  'consent:preview': { input: storeInput, output: z.array(z.unknown()) },
  'consent:apply': { input: storeInput, output: z.unknown() },
  /** Before a historical sync: contacts created, subscribed, staying unsubscribed, double opt-in emails. */
  'consent:impact': {
    input: z.object({ storeId: z.string().min(1), connectionId: z.string().min(1) }),
    output: z.unknown(),
  },
  /** Erases a person everywhere (and in BigCommerce when asked), with a receipt per system. */
  'privacy:erase': {
    input: z.object({
      email: z.string().email({ message: 'Enter the email address of the person to erase' }),
      bigcommerce: z.boolean().default(false),
    }),
    output: z.unknown(),
  },
  /** Everything this workspace holds about a person. */
  'privacy:access': { input: z.object({ email: z.string().email() }), output: z.unknown() },
  /** Past erase requests: hashes and receipts, never the personal data. */
  'privacy:audit': { input: empty, output: z.unknown() },
  'policies:list': { input: empty, output: z.array(z.unknown()) },
  'policies:add': {
    input: z.object({
      name: z.string().trim().min(1).max(100),
      storeId: z.string().min(1),
      olderThanDays: z.number().int().min(1),
      everyDays: z.number().int().min(1).default(1),
    }),
    output: z.unknown(),
  },
  /** Who a policy would anonymise now, before it runs. */
  'policies:preview': { input: z.object({ id: z.string().min(1) }), output: z.unknown() },
  'policies:run': { input: z.object({ id: z.string().min(1) }), output: z.unknown() },
  'policies:remove': {
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ removed: z.literal(true) }),
  },
  /** Tracking scripts this console installed on storefronts. */
  'scripts:list': {
    input: z.object({ storeId: z.string().optional() }),
    output: z.array(
      z.object({
        connectionId: z.string(),
        storeId: z.string(),
        uuid: z.string(),
        name: z.string(),
        consentCategory: z.string(),
      }),
    ),
  },
  /** Installs or updates a connection's tracking script under its consent category (removes it when turned off). */
  'scripts:sync': { input: z.object({ connectionId: z.string().min(1) }), output: z.unknown() },
  'scripts:remove': {
    input: z.object({ connectionId: z.string().min(1) }),
    output: z.object({ removed: z.boolean() }),
  },
  'workspace:import': {
    input: z.object({
      path: z.string().min(1),
      passphrase: z.string().min(1),
      replace: z.boolean().default(false),
    }),
    output: transferSummarySchema,
  },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

/** Push events from main to the renderer. */
export const events = {
  /** The list of stores changed (added, renamed, removed). */
  'stores:changed': z.object({ stores: z.array(storeSummarySchema) }),
  'accounts:changed': z.object({ accounts: z.array(accountSummarySchema) }),
  'connections:changed': z.object({ connections: z.array(connectionSummarySchema) }),
  'sync:progress': syncProgressSchema,
  /** New events, oldest first, as they are written. */
  'events:appended': z.object({ events: z.array(loggedEventSchema) }),
  /** Open a screen: a notification, the tray or a storebridge:// link asked for it. */
  'app:navigate': navigateSchema,
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
export * from './accounts.js';
export * from './connections.js';
export * from './events.js';
export * from './tools.js';
