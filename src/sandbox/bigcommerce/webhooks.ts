// Runs in: Node (simulators). Owns: delivering webhook callbacks for one store: matching hooks by scope
// (wildcards included), BigCommerce's payload shape, the documented retry schedule (scaled for tests) and
// deactivating a hook whose retries are exhausted; callbacks are signed when the hook's API account has a secret.
import { createHash } from 'node:crypto';
import { clientIdOf } from './api.js';
import { newMessageId, signedHeaders } from './signing.js';
import type { StoreEvent, StoreState } from './store.js';
import type { Hook } from './types.js';

/** Seconds between attempts after a failure (docs: webhooks overview, "retries"); ~48 h in total. */
export const RETRY_SCHEDULE_S = [60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400];

export interface WebhookOptions {
  /** Multiplies every retry delay: 0.0001 turns the 48-hour schedule into about 17 seconds. Default 1. */
  timeScale?: number;
  /** A callback not answered within this many ms counts as failed. Default 10,000. */
  timeoutMs?: number;
}

export interface Delivery {
  hookId: number;
  scope: string;
  hash: string;
  /** The payload's `created_at`: with `hash`, what a retry repeats and a new event does not. */
  createdAt: number;
  attempt: number;
  status: number;
  ok: boolean;
  at: number;
}

export interface WebhookPayload {
  scope: string;
  store_id: string;
  data: Record<string, unknown>;
  hash: string;
  created_at: number;
  producer: string;
}

export class WebhookDispatcher {
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inflight = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly store: StoreState,
    private readonly opts: WebhookOptions = {},
  ) {
    store.onEvent((e) => this.dispatch(e));
  }

  dispatch(e: StoreEvent): void {
    if (this.closed) return;
    const created_at = Math.floor(this.store.now() / 1000);
    const body = { scope: e.scope, store_id: String(this.store.storeId), data: e.data, created_at };
    const payload: WebhookPayload = {
      ...body,
      hash: createHash('sha1').update(JSON.stringify(body)).digest('hex'),
      producer: `stores/${this.store.hash}`,
    };
    for (const id of this.store.hooks.ids()) {
      const h = this.store.hooks.get(id)!;
      if (h.is_active && scopeMatches(h.scope, e.scope)) void this.attempt(h.id, payload, 0, newMessageId());
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const a of this.inflight) a.abort();
  }

  private async attempt(
    hookId: number,
    payload: WebhookPayload,
    attempt: number,
    messageId: string,
  ): Promise<void> {
    const hook = this.store.hooks.get(hookId);
    // A deleted or deactivated hook gets no more callbacks, retries included.
    if (!hook || !hook.is_active || this.closed) return;
    const status = await this.post(hook, payload, messageId);
    const ok = status >= 200 && status < 300;
    this.deliveries.push({
      hookId,
      scope: payload.scope,
      hash: payload.hash,
      createdAt: payload.created_at,
      attempt,
      status,
      ok,
      at: Date.now(),
    });
    if (this.deliveries.length > 10_000) this.deliveries.splice(0, this.deliveries.length - 10_000);
    if (ok || this.closed) return;
    const delayS = RETRY_SCHEDULE_S[attempt];
    if (delayS === undefined) {
      this.deactivate(hookId);
      return;
    }
    const t = setTimeout(
      () => {
        this.timers.delete(t);
        void this.attempt(hookId, payload, attempt + 1, messageId);
      },
      delayS * 1000 * (this.opts.timeScale ?? 1),
    );
    this.timers.add(t);
  }

  private deactivate(hookId: number): void {
    const h = this.store.hooks.get(hookId);
    if (h?.is_active) this.store.hooks.put({ ...h, is_active: false, date_modified: this.store.now() });
  }

  /** Returns the HTTP status, or 0 for a network error or timeout. */
  private async post(hook: Hook, payload: WebhookPayload, messageId: string): Promise<number> {
    const body = JSON.stringify(payload);
    const secret = this.store.tokens.find((t) => clientIdOf(t) === hook.client_id)?.clientSecret;
    // Each attempt is signed at its own time: a receiver rejects timestamps more than 5 minutes off.
    const signature = secret
      ? signedHeaders(secret, messageId, Math.floor(this.store.now() / 1000), body)
      : {};
    const abort = new AbortController();
    this.inflight.add(abort);
    const timer = setTimeout(() => abort.abort(), this.opts.timeoutMs ?? 10_000);
    try {
      const res = await fetch(hook.destination, {
        method: 'POST',
        headers: {
          ...(hook.headers ?? {}),
          'content-type': 'application/json',
          'user-agent': 'bigcommerce-webhooks-simulator',
          ...signature,
        },
        body,
        signal: abort.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.status;
    } catch {
      return 0;
    } finally {
      clearTimeout(timer);
      this.inflight.delete(abort);
    }
  }
}

/** `store/customer/*` covers every scope under `store/customer/`. */
export function scopeMatches(hookScope: string, eventScope: string): boolean {
  if (hookScope.endsWith('/*')) return eventScope.startsWith(hookScope.slice(0, -1));
  return hookScope === eventScope;
}
