// Runs in: main (Electron-free). Owns: the dotdigital Connector the engine drives, plus what the interface
// has no slot for yet (opt-out pull, erase, the enrolment allowance, account setup helpers).
import type {
  ConnectorContext,
  Connector,
  ConsentFact,
  EraseReceipt,
  PlanContext,
} from '../../engine/connector.js';
import { listAddressBooks, ensureAddressBook, listPrograms } from './books.js';
import { type ClientOptions, DotdigitalClient } from './client.js';
import { pullOptOuts } from './consent.js';
import { confirmBatch, deliverBatch, describeDeferred, inDoubt } from './deliver.js';
import { EnrolmentAllowance } from './enrol.js';
import { eraseContact } from './erase.js';
import { ensureDataFields, fieldCatalogue } from './fields.js';
import { planRecord } from './plan.js';
import {
  type DotdigitalCredentials,
  dotdigitalCredentialsSchema,
  type DotdigitalSettings,
  dotdigitalSettingsSchema,
} from './schemas.js';
import { verifyAccount } from './verify.js';
import { mappingDefaults } from './mapping-defaults.js';
import { ROUND_TRIP_WRITES, roundTrip } from './roundtrip.js';

export * from './schemas.js';
export type { AddressBook, Program } from './books.js';

type Ctx = ConnectorContext<DotdigitalCredentials, DotdigitalSettings>;

export interface DotdigitalConnector extends Connector<DotdigitalCredentials, DotdigitalSettings> {
  /** Opt-outs made on dotdigital since `since` (epoch ms), for the consent ledger and BigCommerce. */
  pullConsent(ctx: Ctx, since: number): Promise<ConsentFact[]>;
  /** GDPR erase of one person by email. */
  erase(ctx: Ctx, email: string): Promise<EraseReceipt>;
  /** When the next program enrolment call may go for this API user (20 per hour), for the console. */
  nextEnrolmentAt(credentials: DotdigitalCredentials): number;
  setup: {
    listAddressBooks(ctx: Pick<Ctx, 'credentials' | 'signal'>): ReturnType<typeof listAddressBooks>;
    ensureAddressBook(
      ctx: Pick<Ctx, 'credentials' | 'signal'>,
      name: string,
    ): ReturnType<typeof ensureAddressBook>;
    listPrograms(ctx: Pick<Ctx, 'credentials' | 'signal'>): ReturnType<typeof listPrograms>;
    /** Creates the mapped data fields the account lacks; returns their names. */
    ensureDataFields(ctx: Pick<Ctx, 'credentials' | 'signal' | 'settings'>): Promise<string[]>;
  };
}

export interface DotdigitalConnectorOptions extends ClientOptions {
  /** Jobs per deliver() call: one bulk import for history, one call each when live. */
  batchSize?: number;
  /** Clock for the enrolment allowance. */
  now?: () => number;
  /** Program enrolment calls per hour (dotdigital's is 20); tests scale it down with the simulator's. */
  enrolmentsPerHour?: number;
  /** Between reads of the round trip's test contact, and how long to wait for it. */
  roundTripPollMs?: number;
  roundTripMaxWaitMs?: number;
}

export function createDotdigitalConnector(opts: DotdigitalConnectorOptions = {}): DotdigitalConnector {
  const allowance = new EnrolmentAllowance(opts.now ?? Date.now, opts.enrolmentsPerHour);
  const client = (ctx: Pick<Ctx, 'credentials' | 'signal'>) =>
    new DotdigitalClient(ctx.credentials, opts, ctx.signal);
  const deps = (ctx: Ctx) => ({ client: client(ctx), allowance });
  return {
    platform: 'dotdigital',
    label: 'dotdigital',
    capabilities: [
      'contacts',
      'subscribers',
      'orders',
      'products',
      'carts',
      'optOutPull',
      'erase',
      'asyncConfirmation',
    ],
    credentialsSchema: dotdigitalCredentialsSchema,
    settingsSchema: dotdigitalSettingsSchema,
    batchSize: opts.batchSize ?? 500,
    // Limits are per API user. The medium tier (single writes) is the binding one; its size is unpublished.
    rateLimit: (c) => ({ scopeKey: `dotdigital:${c.apiUser.toLowerCase()}`, perSecond: 2, burst: 10 }),
    verify: (ctx) => verifyAccount(client(ctx), ctx.settings),
    roundTrip: (ctx) =>
      roundTrip(client(ctx), {
        pollMs: opts.roundTripPollMs ?? 1_000,
        maxWaitMs: opts.roundTripMaxWaitMs ?? 10_000,
      }),
    roundTripWrites: ROUND_TRIP_WRITES,
    createsContacts:
      'A sync creates a dotdigital contact for every customer, guest buyer and subscriber it sends (and ' +
      'adds them to the address books you chose). dotdigital plans are priced by contacts, so these may ' +
      'count toward your contact allowance.',
    mappingDefaults,
    fieldCatalogue: (ctx) => fieldCatalogue(client(ctx)),
    plan: (record, ctx: PlanContext<DotdigitalSettings>) => planRecord(record, ctx),
    deliver: (jobs, ctx) => deliverBatch(jobs, ctx, deps(ctx)),
    confirm: (jobs, ctx) => confirmBatch(jobs, ctx, deps(ctx)),
    describeDeferred,
    resolveInDoubt: (jobs, ctx) => inDoubt(jobs, deps(ctx)),
    pullConsent: (ctx, since) => pullOptOuts(client(ctx), since, ctx.settings.subscribersAddressBookId),
    erase: (ctx, email) => eraseContact(client(ctx), email, () => ctx.clock.now()),
    nextEnrolmentAt: (c) => allowance.nextAt(c.apiUser.toLowerCase()),
    setup: {
      listAddressBooks: (ctx) => listAddressBooks(client(ctx)),
      ensureAddressBook: (ctx, name) => ensureAddressBook(client(ctx), name),
      listPrograms: (ctx) => listPrograms(client(ctx)),
      ensureDataFields: (ctx) => ensureDataFields(client(ctx), ctx.settings.fieldMapping),
    },
  };
}

export const dotdigitalConnector = createDotdigitalConnector();
