// Runs in: main (Electron-free). Owns: ConsentService, the one entry point hosts (contract handlers, CLI) use
// for the ledger: show a person, pull opt-outs, observe staging, mismatch report, reconcile, impact preview.
import type { Db } from '../storage/db.js';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { ConsentLedger, type PersonConsent } from './ledger.js';
import { pullOptOuts, type PullResult } from './pull.js';
import { observeStagedSubscribers } from './observe.js';
import { mismatchReport, reconcileApply, reconcilePreview, type Mismatch } from './reconcile.js';
import type { ApplyResult, ReconcileAction } from './reconcile.js';
import { impactPreview, type ImpactPreview } from './impact.js';
import type { ConsentFactRow } from './rule.js';
import type { Systems } from './systems.js';

export class ConsentService {
  readonly ledger: ConsentLedger;

  constructor(
    private readonly db: Db,
    private readonly systems: Systems,
    private readonly clock: Clock,
    private readonly opts: {
      pendingTtlMs?: number;
      isSuppressed?: (storeId: string, email: string) => boolean;
      /** Readies `isSuppressed` (the suppression list's salt comes from the keychain). */
      prepare?: () => Promise<void>;
    } = {},
  ) {
    this.ledger = new ConsentLedger(db, clock, opts.pendingTtlMs);
  }

  /** A consent action the merchant records on the person's behalf (explicit by definition). */
  recordMerchantAction(
    f: Omit<ConsentFactRow, 'actor' | 'explicit' | 'source' | 'at'> & { at?: number },
  ): boolean {
    return this.ledger.record({
      ...f,
      source: 'merchant',
      actor: 'merchant',
      explicit: true,
      at: f.at ?? this.clock.now(),
    });
  }

  show(storeId: string, email: string): PersonConsent {
    return this.ledger.person(storeId, email);
  }

  pull(o: { storeId?: string; signal?: AbortSignal } = {}): Promise<PullResult[]> {
    return pullOptOuts(this.db, this.ledger, this.systems, this.clock, o);
  }

  observe(storeId: string): number {
    return observeStagedSubscribers(this.db, this.ledger, storeId);
  }

  report(storeId: string): Mismatch[] {
    return mismatchReport(this.ledger, this.systems, storeId);
  }

  preview(storeId: string): ReconcileAction[] {
    return reconcilePreview(this.ledger, this.systems, storeId);
  }

  apply(storeId: string, o: { onlyOptOuts?: boolean } = {}): Promise<ApplyResult> {
    return reconcileApply(this.ledger, this.systems, this.clock, storeId, o);
  }

  async impact(storeId: string, connectionId: string): Promise<ImpactPreview> {
    await this.opts.prepare?.();
    const c = this.systems.connections(storeId).find((x) => x.connectionId === connectionId);
    if (!c)
      throw new AppError('not_found', `Connection ${connectionId} is not a connection of store ${storeId}.`);
    return impactPreview(this.db, this.ledger, {
      storeId,
      connectionId,
      settings: c.settings,
      ...(this.opts.isSuppressed ? { isSuppressed: this.opts.isSuppressed } : {}),
    });
  }
}
