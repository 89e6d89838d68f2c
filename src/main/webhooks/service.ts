// Runs in: main (Electron-free). Owns: webhooks where they can arrive: the receiver's lifecycle, per-store
// registration, deduplication by payload hash, turning callbacks into "changed" nudges (debounced per store),
// the periodic health check, and what the store status says when there is no public URL (polling only).
import { BigCommerceClient } from '../bigcommerce/client.js';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { NewEvent } from '../events/event-log.js';
import type { ExtractResource } from '../extract/resources.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Db } from '../storage/db.js';
import type { StoreService } from '../stores/store-service.js';
import { isCartToStage, stageAbandonedCart } from './carts.js';
import { checkHooks, type HealthResult } from './health.js';
import { WebhookReceiver, type Callback, type ReceiverTarget, type Refusal } from './receiver.js';
import { hookSecretAccount, registerHooks, unregisterHooks, type Registration } from './registrar.js';
import { RefusalLog } from './refusals.js';
import { WebhookRepo, type WebhookSettings } from './repo.js';
import { hookCovers, resourceForScope, WEBHOOK_ONLY_FEATURES } from './scopes.js';

export interface WebhookServiceOptions {
  db: Db;
  stores: Pick<StoreService, 'get' | 'token' | 'clientSecret'>;
  secrets: SecretStore;
  events: { append(...e: NewEvent[]): unknown };
  clock: Clock;
  /**
   * "Something changed in these resources of this store": run its incremental extraction (never the payload),
   * then sync. An empty list: nothing to extract (an abandoned cart was staged already), only sync.
   */
  nudge(storeId: string, resources: ExtractResource[]): unknown;
  /** Overrides the saved settings (tests, STOREBRIDGE_PUBLIC_URL). */
  publicUrl?: string;
  port?: number;
  /** Callbacks of one store within this many ms make one nudge. Default 2,000. */
  debounceMs?: number;
  /** How long applied payload hashes are kept: BigCommerce retries for about 48 h. Default 72 h. */
  retentionMs?: number;
  /** Default 15 minutes. */
  healthIntervalMs?: number;
  client?(storeId: string): Promise<BigCommerceClient>;
}

/** What the store status says about change detection. */
export interface RealtimeStatus {
  mode: 'webhooks' | 'polling';
  /** Features that work only with webhooks, so are off while polling. */
  needsWebhooks: string[];
  /** For one store: whether callbacks' signatures are checked (only with the API account's client secret). */
  signatures?: 'verified' | 'not_checked';
}

interface Pending {
  resources: Set<ExtractResource>;
  /** Null once due: it then waits only for the nudge in flight. */
  timer: NodeJS.Timeout | null;
}

export interface ReceiverStats {
  accepted: number;
  duplicates: number;
  refused: number;
}

export class WebhookService {
  readonly repo: WebhookRepo;
  readonly stats: ReceiverStats = { accepted: 0, duplicates: 0, refused: 0 };
  private readonly targets = new Map<string, ReceiverTarget>();
  private readonly pending = new Map<string, Pending>();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly work = new Set<Promise<void>>();
  private readonly refusalLog: RefusalLog;
  private receiver: WebhookReceiver | undefined;
  private healthTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private localUrl: string | undefined;

  constructor(private readonly o: WebhookServiceOptions) {
    this.repo = new WebhookRepo(o.db);
    this.refusalLog = new RefusalLog(o.events, () => o.clock.now());
  }

  settings(): WebhookSettings {
    const saved = this.repo.settings();
    return { publicUrl: this.o.publicUrl ?? saved.publicUrl, port: this.o.port ?? saved.port };
  }

  /** Saves where BigCommerce reaches the console; null goes back to polling only. */
  configure(s: WebhookSettings): WebhookSettings {
    if (s.publicUrl !== null) {
      let url: URL;
      try {
        url = new URL(s.publicUrl);
      } catch {
        throw new AppError('invalid_input', `"${s.publicUrl}" is not a URL. Give the public HTTPS address.`, {
          fields: { publicUrl: 'Not a URL' },
        });
      }
      if (!/^https?:$/.test(url.protocol))
        throw new AppError(
          'invalid_input',
          'The public URL must start with https:// (BigCommerce calls HTTPS on 443 only).',
        );
    }
    this.repo.saveSettings(s);
    return this.settings();
  }

  /** Where the receiver listens (http://127.0.0.1:port), while it runs. */
  receiverUrl(): string | undefined {
    return this.receiver ? this.localUrl : undefined;
  }

  realtime(): RealtimeStatus {
    return this.settings().publicUrl
      ? { mode: 'webhooks', needsWebhooks: [] }
      : { mode: 'polling', needsWebhooks: [...WEBHOOK_ONLY_FEATURES] };
  }

  /** `realtime()` for one store, saying whether its callbacks' signatures are checked. */
  async realtimeFor(storeId: string): Promise<RealtimeStatus> {
    const signed = !!(await this.o.stores.clientSecret(storeId));
    return { ...this.realtime(), signatures: signed ? 'verified' : 'not_checked' };
  }

  /** Starts the receiver and the health check when a public URL is set; null means polling only. */
  async start(): Promise<{ url: string } | null> {
    const { publicUrl, port } = this.settings();
    if (!publicUrl || this.receiver || this.disposed) return null;
    for (const e of this.repo.endpoints()) {
      const secret = await this.o.secrets.get(hookSecretAccount(e.storeId));
      if (secret) this.targets.set(e.pathToken, { storeId: e.storeId, secret });
    }
    this.repo.prune(this.o.clock.now() - this.retention());
    const receiver = new WebhookReceiver({
      resolve: (token) => this.target(token),
      accepted: (storeId, cb, hash) => this.accepted(storeId, cb, hash),
      refused: (r) => this.refused(r),
      now: () => this.o.clock.now(),
    });
    const { url } = await receiver.start(port ?? 0);
    this.receiver = receiver;
    this.localUrl = url;
    this.scheduleHealth();
    return { url };
  }

  /** Registers (or repairs) the store's hooks at the public URL. */
  async register(storeId: string): Promise<Registration> {
    const { publicUrl } = this.settings();
    if (!publicUrl)
      throw new AppError(
        'invalid_input',
        'Set the public HTTPS URL that forwards to Storebridge before registering webhooks.',
      );
    const r = await registerHooks(this.deps(), storeId, publicUrl);
    for (const [token, t] of this.targets) if (t.storeId === storeId) this.targets.delete(token);
    this.targets.set(r.pathToken, { storeId, secret: r.secret });
    this.o.events.append({
      level: 'info',
      type: 'webhook.registered',
      storeId,
      message: `Webhooks registered for ${r.hooks.map((h) => h.scope).join(', ')}.`,
    });
    return r;
  }

  /** Before a store is removed: delete its hooks on BigCommerce, its secret and rows. */
  async unregister(storeId: string): Promise<number> {
    this.cancelNudge(storeId);
    for (const [token, t] of this.targets) if (t.storeId === storeId) this.targets.delete(token);
    return unregisterHooks(this.deps(), storeId);
  }

  check(storeId: string): Promise<HealthResult> {
    return checkHooks(
      {
        ...this.deps(),
        db: this.o.db,
        events: this.o.events,
        secret: (id) => this.o.secrets.get(hookSecretAccount(id)),
        backfill: (id, resources) => this.queueNudge(id, resources, 0),
      },
      storeId,
    );
  }

  /** Checks every store with hooks; one failing store does not stop the others. */
  async checkAll(): Promise<HealthResult[]> {
    this.repo.prune(this.o.clock.now() - this.retention());
    const out: HealthResult[] = [];
    for (const e of this.repo.endpoints()) {
      try {
        out.push(await this.check(e.storeId));
      } catch (err) {
        this.o.events.append({
          level: 'warn',
          type: 'webhook.check_failed',
          storeId: e.storeId,
          message: `Could not check the store's webhooks: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
    return out;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.healthTimer) clearTimeout(this.healthTimer);
    for (const id of [...this.pending.keys()]) this.cancelNudge(id);
    await this.receiver?.close();
    this.receiver = undefined;
    await Promise.all([...this.work]);
  }

  /** Known paths from memory; a path registered since (e.g. from the CLI) from SQLite and the keychain. */
  private async target(token: string): Promise<ReceiverTarget | undefined> {
    let t = this.targets.get(token);
    if (!t) {
      const e = this.repo.endpoints().find((x) => x.pathToken === token);
      const secret = e && (await this.o.secrets.get(hookSecretAccount(e.storeId)));
      if (!e || !secret) return undefined;
      t = { storeId: e.storeId, secret };
      this.targets.set(token, t);
    }
    // Read at each callback, not cached: a client secret set or cleared since applies at once. A keychain that
    // cannot answer (or a store just removed) refuses the call rather than skip the signature check.
    const clientSecret = await this.o.stores.clientSecret(t.storeId).catch(() => null);
    if (clientSecret === null) return undefined;
    return clientSecret ? { ...t, clientSecret } : t;
  }

  private accepted(storeId: string, cb: Callback, hash: string): void {
    const now = this.o.clock.now();
    // A retry repeats the whole payload. The hash alone may not tell two events apart (the docs call it the
    // SHA-1 of the payload data, and `data` is only {type, id}), so the event's own time goes with it.
    const key = cb.created_at === undefined ? hash : `${hash}@${cb.created_at}`;
    if (!this.repo.firstSeen(storeId, key, now)) {
      this.stats.duplicates++;
      return;
    }
    this.stats.accepted++;
    // A delivery proves the hook worked up to now: a later gap is backfilled from here.
    const covering = this.repo.hooks(storeId).filter((h) => hookCovers(h.scope, cb.scope));
    this.repo.markActive(
      storeId,
      covering.map((h) => h.hookId),
      now,
    );
    const resource = resourceForScope(cb.scope);
    if (resource) this.queueNudge(storeId, [resource]);
    if (isCartToStage(cb)) this.track(this.stageCart(storeId, cb));
  }

  /**
   * An abandoned cart is read by id and staged here (nothing can poll carts); the nudge then carries no
   * resource to extract, only "sync now" so the connections deliver the staged cart.
   */
  private async stageCart(storeId: string, cb: Callback): Promise<void> {
    try {
      const outcome = await stageAbandonedCart(
        { db: this.o.db, clock: this.o.clock, events: this.o.events, client: this.deps().client },
        storeId,
        cb,
      );
      if (outcome === 'staged' && !this.disposed) this.queueNudge(storeId, []);
    } catch (err) {
      this.o.events.append({
        level: 'warn',
        type: 'webhook.cart_failed',
        storeId,
        recordType: 'cart',
        recordId: String(cb.data.id),
        message: `Could not read abandoned cart ${String(cb.data.id)}: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }

  /** Work started by a callback after its 200; dispose waits for it so nothing writes to a closed database. */
  private track(p: Promise<void>): void {
    this.work.add(p);
    void p.finally(() => this.work.delete(p));
  }

  private refused(r: Refusal): void {
    this.stats.refused++;
    this.refusalLog.refused(r);
  }

  /**
   * Callbacks within `debounceMs` make one nudge. While a nudge runs, new ones wait and go as one when it ends:
   * a sync already running may have read the store before the change, so joining it would miss the change.
   */
  private queueNudge(
    storeId: string,
    resources: ExtractResource[],
    delayMs = this.o.debounceMs ?? 2_000,
  ): void {
    let entry = this.pending.get(storeId);
    if (!entry) {
      entry = { resources: new Set(), timer: null };
      this.pending.set(storeId, entry);
      const e = entry;
      if (delayMs > 0)
        e.timer = setTimeout(() => {
          e.timer = null;
          this.flush(storeId);
        }, delayMs);
    }
    for (const r of resources) entry.resources.add(r);
    if (delayMs === 0 && entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = null;
    }
    this.flush(storeId);
  }

  private flush(storeId: string): void {
    const due = this.pending.get(storeId);
    if (!due || due.timer || this.inflight.has(storeId) || this.disposed) return;
    this.pending.delete(storeId);
    const resources = [...due.resources];
    const run = Promise.resolve()
      .then(() => this.o.nudge(storeId, resources))
      .then(
        () => undefined,
        (err: unknown) => {
          // A nudge cut short by shutdown has nowhere to be recorded: the event log may be closed already.
          if (this.disposed) return;
          try {
            this.o.events.append({
              level: 'warn',
              type: 'webhook.nudge_failed',
              storeId,
              message: `A webhook asked for a sync of ${resources.join(', ')}, which failed: ${err instanceof Error ? err.message : String(err)}`,
            });
          } catch {
            // The workspace closed while the nudge ran: nothing left to write to.
          }
        },
      )
      .finally(() => {
        this.inflight.delete(storeId);
        this.flush(storeId);
      });
    this.inflight.set(storeId, run);
  }

  private cancelNudge(storeId: string): void {
    const p = this.pending.get(storeId);
    if (p?.timer) clearTimeout(p.timer);
    this.pending.delete(storeId);
  }

  private scheduleHealth(): void {
    if (this.disposed) return;
    this.healthTimer = setTimeout(
      () => {
        void this.checkAll().finally(() => this.scheduleHealth());
      },
      this.o.healthIntervalMs ?? 15 * 60_000,
    );
    this.healthTimer.unref?.();
  }

  private retention(): number {
    return this.o.retentionMs ?? 72 * 3_600_000;
  }

  private deps() {
    return {
      repo: this.repo,
      secrets: this.o.secrets,
      clock: this.o.clock,
      client: this.o.client ?? ((id: string) => this.defaultClient(id)),
    };
  }

  private async defaultClient(storeId: string): Promise<BigCommerceClient> {
    const store = this.o.stores.get(storeId);
    return new BigCommerceClient({
      storeHash: store.storeHash,
      accessToken: await this.o.stores.token(storeId),
      baseUrl: store.apiBaseUrl,
      storeLabel: store.name,
      clock: this.o.clock,
    });
  }
}
