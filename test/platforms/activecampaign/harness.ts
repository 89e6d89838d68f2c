// Runs in: vitest. Owns: one ActiveCampaign connection wired to the real engine pieces (SQLite queue, drain
// loop, token bucket, breaker) and to a running ActiveCampaign simulator.
import type { ConnectionRuntime } from '../../../src/main/engine/deliver/drain.js';
import type { StagedRecord } from '../../../src/main/engine/connector.js';
import type { JobQueue } from '../../../src/main/engine/queue/job-queue.js';
import {
  acSettingsSchema,
  createActiveCampaignConnector,
  type AcCredentials,
  type AcSettings,
  type ActiveCampaignConnector,
} from '../../../src/main/platforms/activecampaign/index.js';
import type { AcSettingsInput } from '../../../src/main/platforms/activecampaign/schemas.js';
import {
  startActiveCampaignSim,
  type AcSimOptions,
  type ActiveCampaignSim,
} from '../../../src/sandbox/activecampaign/index.js';
import { engineRig } from '../shared/engine-rig.js';

export interface Harness {
  sim: ActiveCampaignSim;
  queue: JobQueue;
  connector: ActiveCampaignConnector;
  settings: AcSettings;
  ctx: ConnectionRuntime['ctx'] & { credentials: AcCredentials; settings: AcSettings };
  events: Array<{ type: string; message: string }>;
  enqueue(records: StagedRecord[], historical: boolean): ReturnType<JobQueue['enqueue']>;
  /** Drains until nothing is queued or leased (retries included), or fails after `ms`. */
  drainAll(ms?: number): Promise<{ delivered: number; dead: number; rounds: number }>;
  close(): Promise<void>;
}

export async function harness(
  o: { sim?: AcSimOptions; settings?: Partial<AcSettingsInput>; sharedSim?: ActiveCampaignSim } = {},
): Promise<Harness> {
  const sim = o.sharedSim ?? (await startActiveCampaignSim({ rateLimit: 1000, ...o.sim }));
  const connector = createActiveCampaignConnector();
  const settings = acSettingsSchema.parse({
    storeUrl: 'https://shop.example.com',
    requestsPerSecond: 400,
    timeoutMs: 400,
    ...o.settings,
  });
  const rig = engineRig(connector, {
    credentials: { apiUrl: sim.credentials.apiUrl, apiKey: sim.credentials.apiKey },
    settings,
    account: { id: 'acct-1', name: 'AC' },
  });
  return {
    ...rig,
    sim,
    connector,
    settings,
    async close() {
      rig.close();
      if (!o.sharedSim) await sim.close();
    },
  };
}
