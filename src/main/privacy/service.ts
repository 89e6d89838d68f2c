// Runs in: main (Electron-free). Owns: PrivacyService, the entry point hosts use for erase and access requests,
// the suppression list the planner consults, the audit trail and anonymisation policies.
import type { Db } from '../storage/db.js';
import type { Clock } from '../core/clock.js';
import type { Systems } from '../consent/systems.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { ConsentLedger } from '../consent/ledger.js';
import { SuppressionList } from './suppression.js';
import { auditTrail, erasePerson, type EraseOutcome } from './erase.js';
import { accessExport, type AccessExport } from './access.js';
import { PolicyRepo, policyPreview, type Policy } from './policies.js';

export class PrivacyService {
  readonly suppression: SuppressionList;
  readonly policies: PolicyRepo;
  private readonly ledger: ConsentLedger;

  constructor(
    private readonly db: Db,
    private readonly events: Db,
    private readonly systems: Systems,
    private readonly clock: Clock,
    secrets: SecretStore,
  ) {
    this.suppression = new SuppressionList(db, secrets);
    this.policies = new PolicyRepo(db);
    this.ledger = new ConsentLedger(db, clock);
  }

  /** Loads (or creates) the salt from the SecretStore; hashing needs it. */
  ready(): Promise<void> {
    return this.suppression.ready();
  }

  /** Before a sync consults `isSuppressed`: loads the salt when there is anyone to suppress. */
  async prepare(): Promise<void> {
    if (this.suppression.size() > 0) await this.ready();
  }

  /** For the planner and extractor: skip this person's records (after `prepare()`). */
  isSuppressed = (storeId: string, email: string): boolean => this.suppression.isSuppressed(storeId, email);

  async erase(email: string, o: { bigcommerce?: boolean; signal?: AbortSignal } = {}): Promise<EraseOutcome> {
    await this.ready();
    return erasePerson(
      {
        db: this.db,
        events: this.events,
        systems: this.systems,
        suppression: this.suppression,
        clock: this.clock,
      },
      email,
      o,
    );
  }

  async access(email: string): Promise<AccessExport> {
    await this.ready();
    return accessExport(this.db, this.events, this.suppression, email, this.clock.now());
  }

  audit() {
    return auditTrail(this.db);
  }

  previewPolicy(idOrName: string): { policy: Policy; affected: string[] } {
    const policy = this.policies.get(idOrName);
    return { policy, affected: policyPreview(this.db, this.ledger, policy, this.clock.now()) };
  }

  /** Runs a policy: each affected person is erased on the connected platforms and locally. */
  async runPolicy(idOrName: string): Promise<{ policy: Policy; erased: EraseOutcome[] }> {
    const { policy, affected } = this.previewPolicy(idOrName);
    const erased: EraseOutcome[] = [];
    for (const email of affected) erased.push(await this.erase(email));
    this.policies.markRun(policy.id, this.clock.now());
    return { policy, erased };
  }
}
