// Runs in: vitest. Owns: one Bloomreach connection wired to the real engine pieces (SQLite queue, drain loop,
// token bucket, breaker) and to a running Bloomreach Engagement simulator.
import type { StagedRecord } from '../../../src/main/engine/connector.js';
import type { ConnectionRuntime } from '../../../src/main/engine/deliver/drain.js';
import type { JobQueue } from '../../../src/main/engine/queue/job-queue.js';
import {
  bloomreachSettingsSchema,
  createBloomreachConnector,
  type BloomreachConnector,
  type BloomreachCredentials,
  type BloomreachSettings,
  type BloomreachSettingsInput,
} from '../../../src/main/platforms/bloomreach/index.js';
import {
  startBloomreachSim,
  type BloomreachSim,
  type BloomreachSimOptions,
} from '../../../src/sandbox/bloomreach/index.js';
import { engineRig } from '../shared/engine-rig.js';
import { STORE_URL } from './fixtures.js';

export const baseSettings: BloomreachSettingsInput = {
  storeUrl: STORE_URL,
  requestsPerMinute: 60_000,
  timeoutMs: 400,
};

export interface Harness {
  sim: BloomreachSim;
  queue: JobQueue;
  connector: BloomreachConnector;
  settings: BloomreachSettings;
  ctx: ConnectionRuntime['ctx'] & { credentials: BloomreachCredentials; settings: BloomreachSettings };
  events: Array<{ type: string; message: string }>;
  enqueue(records: StagedRecord[], historical: boolean): ReturnType<JobQueue['enqueue']>;
  /** Drains until nothing is queued or leased (retries included), or fails after `ms`. */
  drainAll(ms?: number): Promise<{ delivered: number; dead: number; rounds: number }>;
  /** The simulator's own view, through its /__sim/ routes. */
  simGet<T>(path: string): Promise<T>;
  simPost<T>(path: string, body: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function harness(
  o: {
    sim?: BloomreachSimOptions;
    settings?: Partial<BloomreachSettingsInput>;
    credentials?: Partial<BloomreachCredentials>;
  } = {},
): Promise<Harness> {
  const sim = await startBloomreachSim({ rateLimit: { limit: 100_000, windowMs: 60_000 }, ...o.sim });
  const connector = createBloomreachConnector();
  const settings = bloomreachSettingsSchema.parse({ ...baseSettings, ...o.settings });
  const rig = engineRig(connector, {
    credentials: {
      baseUrl: sim.url,
      projectToken: sim.credentials.projectToken,
      apiKeyId: sim.credentials.privateKey.keyId,
      apiSecret: sim.credentials.privateKey.secret,
      ...o.credentials,
    },
    settings,
    account: { id: 'acct-1', name: 'Bloomreach' },
  });
  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
  return {
    ...rig,
    sim,
    connector,
    settings,
    simGet: async (path) => json(await fetch(sim.url + path)),
    simPost: async (path, body) =>
      json(
        await fetch(sim.url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
    async close() {
      rig.close();
      await sim.close();
    },
  };
}
