// Runs in: vitest. Owns: per platform, what the mapping-applied test needs: a running simulator, its connector
// and credentials, two custom fields created the platform's own way, and reading them back from its state.
import type { Connector } from '../../src/main/engine/connector.js';
import {
  acSettingsSchema,
  createActiveCampaignConnector,
} from '../../src/main/platforms/activecampaign/index.js';
import {
  createDotdigitalConnector,
  dotdigitalSettingsSchema,
} from '../../src/main/platforms/dotdigital/index.js';
import {
  bloomreachSettingsSchema,
  createBloomreachConnector,
} from '../../src/main/platforms/bloomreach/index.js';
import {
  connectifSettingsSchema,
  createConnectifConnector,
} from '../../src/main/platforms/connectif/index.js';
import {
  createSalesmanagoConnector,
  salesmanagoSettingsSchema,
} from '../../src/main/platforms/salesmanago/index.js';
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startBloomreachSim } from '../../src/sandbox/bloomreach/index.js';
import { startConnectifSim } from '../../src/sandbox/connectif/index.js';
import { startSalesmanagoSim } from '../../src/sandbox/salesmanago/index.js';
import { startDotdigitalSim } from '../../src/sandbox/dotdigital/index.js';
import { TestClient } from '../../src/sandbox/dotdigital/test-client.js';
import { simCredentials } from '../platforms/dotdigital/credentials.js';

export interface CustomFields {
  birthday: string;
  nickname: string;
}

export interface RunningSim {
  connector: Connector<unknown, unknown>;
  credentials: unknown;
  settings: unknown;
  createFields(): Promise<CustomFields>;
  /** The two fields' values the platform holds for a person (absent when it holds none). */
  read(email: string, f: CustomFields): Promise<Partial<Record<keyof CustomFields, unknown>>>;
  close(): Promise<void>;
}

export interface PlatformCase {
  platform: string;
  start(): Promise<RunningSim>;
  /** How the platform holds the birthday after a `date` transform to a calendar date (`yyyy-MM-dd`). */
  birthday(isoDate: string): unknown;
  /** Bloomreach: mapped properties are dated by the mapping's save, so a save re-sends every mapped record. */
  resendsEveryRecordOnSave?: boolean;
}

const present = (o: Partial<Record<keyof CustomFields, unknown>>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));

const activecampaign: PlatformCase = {
  platform: 'activecampaign',
  birthday: (d) => d,
  async start() {
    const sim = await startActiveCampaignSim({ rateLimit: 1000 });
    const credentials = { apiUrl: sim.credentials.apiUrl, apiKey: sim.credentials.apiKey };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${credentials.apiUrl}${path}`, {
        method: 'POST',
        headers: { 'Api-Token': credentials.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, { id: string }>;
    };
    const field = async (title: string, type: string) => {
      const id = (await post('/fields', { field: { title, type, visible: 1 } }))['field']!.id;
      await post('/fieldRels', { fieldRel: { field: Number(id), relid: 0 } });
      return id;
    };
    return {
      connector: createActiveCampaignConnector() as unknown as Connector<unknown, unknown>,
      credentials,
      settings: acSettingsSchema.parse({
        storeUrl: 'https://shop.example.com',
        requestsPerSecond: 400,
        timeoutMs: 2000,
      }),
      createFields: async () => ({
        birthday: await field('Birthday', 'date'),
        nickname: await field('Nickname', 'text'),
      }),
      read: async (email, f) => {
        const c = sim.state().contacts.find((x) => x.email.toLowerCase() === email);
        if (!c) throw new Error(`${email} never reached ActiveCampaign`);
        return present({ birthday: c.fieldValues[f.birthday], nickname: c.fieldValues[f.nickname] });
      },
      close: () => sim.close(),
    };
  },
};

const dotdigital: PlatformCase = {
  platform: 'dotdigital',
  birthday: (d) => d,
  async start() {
    const sim = await startDotdigitalSim();
    const credentials = simCredentials(sim);
    const connector = createDotdigitalConnector({ timeoutMs: 2_000 });
    const base = { credentials, signal: new AbortController().signal };
    const customers = await connector.setup.ensureAddressBook(base, 'Store customers');
    const subscribers = await connector.setup.ensureAddressBook(base, 'Store subscribers');
    const settings = dotdigitalSettingsSchema.parse({
      customersAddressBookId: customers.id,
      subscribersAddressBookId: subscribers.id,
      storeUrl: 'https://shop.example.com/',
    });
    await connector.setup.ensureDataFields({ ...base, settings });
    const api = new TestClient(sim.url, credentials.apiUser, credentials.password);
    const field = async (name: string, type: string) => {
      const res = await api.post('/v2/data-fields', { name, type });
      if (res.status >= 300) throw new Error(`data field ${name}: ${res.status}`);
      return name;
    };
    return {
      connector: connector as unknown as Connector<unknown, unknown>,
      credentials,
      settings,
      createFields: async () => ({
        birthday: await field('BIRTHDAY', 'Date'),
        nickname: await field('NICKNAME', 'String'),
      }),
      read: async (email, f) => {
        sim.store(); // finishes the account's due imports
        const all = (await (await fetch(`${sim.url}/__sim/contacts`)).json()) as Array<{
          identifiers: { email: string };
          dataFields: Record<string, unknown>;
        }>;
        const c = all.find((x) => x.identifiers.email.toLowerCase() === email);
        if (!c) throw new Error(`${email} never reached dotdigital`);
        return present({ birthday: c.dataFields[f.birthday], nickname: c.dataFields[f.nickname] });
      },
      close: () => sim.close(),
    };
  },
};

const salesmanago: PlatformCase = {
  platform: 'salesmanago',
  birthday: (d) => d,
  async start() {
    const sim = await startSalesmanagoSim();
    const a = sim.credentials;
    const credentials = {
      clientId: a.clientId,
      apiKey: 'storebridge-test',
      apiSecret: a.apiSecret,
      owner: a.owner,
      endpoint: a.server,
      v3ApiKey: a.v3ApiKey,
    };
    const connector = createSalesmanagoConnector({
      timeoutMs: 2_000,
      serverUrl: (server) => `${sim.url}/${server}/api`,
      v3Url: sim.url,
    });
    return {
      connector: connector as unknown as Connector<unknown, unknown>,
      credentials,
      settings: salesmanagoSettingsSchema.parse({
        location: 'bc-store-1',
        catalogId: null,
        shopDomain: 'shop.example.com',
        storeUrl: 'https://shop.example.com/',
      }),
      // Properties are free-form: the catalogue offers those recently modified contacts hold, so one holds them.
      async createFields() {
        const res = await fetch(`${sim.url}/${a.server}/api/contact/upsert`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({
            clientId: a.clientId,
            apiKey: 'seed',
            requestTime: Date.now(),
            sha: sim.sha('seed'),
            owner: a.owner,
            contact: { email: 'seed@example.com' },
            properties: { bc_birthday: '-', nickname: '-' },
          }),
        });
        if (!res.ok) throw new Error(`seeding a contact: ${res.status} ${await res.text()}`);
        return { birthday: 'properties.bc_birthday', nickname: 'properties.nickname' };
      },
      read: async (email, f) => {
        const c = sim.contact(email);
        if (!c) throw new Error(`${email} never reached SALESmanago`);
        const prop = (k: string) => c.properties[k.slice('properties.'.length)];
        return present({ birthday: prop(f.birthday), nickname: prop(f.nickname) });
      },
      close: () => sim.close(),
    };
  },
};

const connectif: PlatformCase = {
  platform: 'connectif',
  birthday: (d) => d,
  async start() {
    // Custom fields are defined in the Connectif store; the catalogue reads them from a contacts export.
    const sim = await startConnectifSim({
      stores: [
        {
          customFields: [
            // The address fields the connector writes by default, as in a store set up for it.
            ...['street', 'city', 'state', 'country', 'zip'].map((id) => ({ id, type: 'text' as const })),
            { id: 'bc_birthday', type: 'date' },
            { id: 'nickname', type: 'text' },
          ],
        },
      ],
      rateLimit: { limit: 100_000, windowMs: 60_000 },
    });
    return {
      connector: createConnectifConnector({
        exportPollMs: 20,
        exportMaxWaitMs: 5_000,
      }) as unknown as Connector<unknown, unknown>,
      credentials: { apiUrl: sim.url, apiKey: sim.credentials.apiKey },
      settings: connectifSettingsSchema.parse({
        storeUrl: 'https://shop.example.com',
        requestsPerMinute: 60_000,
        timeoutMs: 2_000,
      }),
      createFields: async () => ({ birthday: 'bc_birthday', nickname: 'nickname' }),
      read: async (email, f) => {
        const c = sim.stores[0]!.contacts.get(email);
        if (!c) throw new Error(`${email} never reached Connectif`);
        return present({ birthday: c.data[f.birthday], nickname: c.data[f.nickname] });
      },
      close: () => sim.close(),
    };
  },
};

const bloomreach: PlatformCase = {
  platform: 'bloomreach',
  birthday: (d) => d,
  resendsEveryRecordOnSave: true,
  async start() {
    const sim = await startBloomreachSim({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
    const credentials = {
      baseUrl: sim.url,
      projectToken: sim.credentials.projectToken,
      apiKeyId: sim.credentials.privateKey.keyId,
      apiSecret: sim.credentials.privateKey.secret,
    };
    return {
      connector: createBloomreachConnector() as unknown as Connector<unknown, unknown>,
      credentials,
      settings: bloomreachSettingsSchema.parse({
        storeUrl: 'https://shop.example.com',
        requestsPerMinute: 60_000,
        timeoutMs: 2_000,
      }),
      // Properties are schemaless: the catalogue offers those the project holds, so one customer holds them.
      async createFields() {
        const basic = Buffer.from(`${credentials.apiKeyId}:${credentials.apiSecret}`).toString('base64');
        const res = await fetch(`${sim.url}/track/v2/projects/${credentials.projectToken}/customers`, {
          method: 'POST',
          headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            customer_ids: { email_id: 'seed@example.com' },
            properties: { bc_birthday: '2000-01-01', nickname: '-' },
          }),
        });
        if (!res.ok) throw new Error(`seeding a customer: ${res.status} ${await res.text()}`);
        return { birthday: 'bc_birthday', nickname: 'nickname' };
      },
      read: async (email, f) => {
        const c = sim.customers().find((x) => JSON.stringify(x['ids']).includes(email)) as
          { properties: Record<string, unknown> } | undefined;
        if (!c) throw new Error(`${email} never reached Bloomreach`);
        return present({ birthday: c.properties[f.birthday], nickname: c.properties[f.nickname] });
      },
      close: () => sim.close(),
    };
  },
};

export const platformCases: PlatformCase[] = [activecampaign, dotdigital, salesmanago, connectif, bloomreach];
