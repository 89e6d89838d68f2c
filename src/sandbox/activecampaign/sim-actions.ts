// Runs in: Node (simulators). Owns: what the account's people and staff do on the platform side (for /__sim/ and tests).
import type { AccountState, Accounts } from './accounts.js';
import { runJob } from './jobs.js';
import { setMembership } from './membership.js';
import type { Contact, ContactList } from './store.js';

export class SimActionError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class SimActions {
  constructor(private readonly accounts: Accounts) {}

  private account(name?: string): AccountState {
    const a = this.accounts.get(name);
    if (!a) throw new SimActionError(404, `no account named ${String(name)}`);
    return a;
  }

  private contact(a: AccountState, email: string): Contact {
    const c = a.store.contactByEmail(email);
    if (!c) throw new SimActionError(404, `no contact with email ${email} in account ${a.config.name}`);
    return c;
  }

  private list(a: AccountState, list: number): void {
    if (!a.store.lists.has(list))
      throw new SimActionError(404, `no list ${list} in account ${a.config.name}`);
  }

  /** The person clicks "unsubscribe": from one list, or from every list they are on. */
  unsubscribe(email: string, list?: number, reason = '', account?: string): ContactList[] {
    const a = this.account(account);
    const c = this.contact(a, email);
    const ctx = this.accounts.ctx(a);
    const lists =
      list !== undefined
        ? [list]
        : [...a.store.contactLists.values()].filter((cl) => cl.contact === c.id).map((cl) => cl.list);
    if (list !== undefined) this.list(a, list);
    return lists.map((l) => setMembership(ctx, c.id, l, 2, 'person', undefined, reason));
  }

  /** The person changes their own status (a preference centre, a resubscribe form). */
  setConsent(email: string, list: number, status: 1 | 2, account?: string): ContactList {
    const a = this.account(account);
    const c = this.contact(a, email);
    this.list(a, list);
    return setMembership(this.accounts.ctx(a), c.id, list, status, 'person');
  }

  /** A form signup on a double opt-in list: the contact waits unconfirmed (status 0) until they confirm. */
  signup(email: string, list: number, account?: string): ContactList {
    const a = this.account(account);
    this.list(a, list);
    const ctx = this.accounts.ctx(a);
    let c = a.store.contactByEmail(email);
    if (!c) {
      const t = ctx.now();
      c = {
        id: a.store.nextId('contact'),
        email,
        firstName: '',
        lastName: '',
        phone: '',
        cdate: t,
        udate: t,
      };
      a.store.contacts.set(c.id, c);
    }
    return setMembership(ctx, c.id, list, 0, 'person');
  }

  /** The person clicks the confirmation link of a double opt-in. */
  confirm(email: string, list: number, account?: string): ContactList {
    const a = this.account(account);
    const c = this.contact(a, email);
    const cl = a.store.membership(c.id, list);
    if (!cl || cl.status !== 0)
      throw new SimActionError(409, `${email} has no pending opt-in on list ${list}`);
    return setMembership(this.accounts.ctx(a), c.id, list, 1, 'person');
  }

  finishJob(batchId: string): void {
    const { a, job } = this.job(batchId);
    runJob(this.accounts.ctx(a), job);
  }

  failJob(batchId: string, status: 'failed' | 'interrupted' = 'failed'): void {
    const { job } = this.job(batchId);
    if (job.status === 'completed') throw new SimActionError(409, `batch ${batchId} already completed`);
    job.status = status;
  }

  /** Another app on the same account spends part of the shared per-second budget. */
  consume(n: number, account?: string): void {
    const a = this.account(account);
    for (let i = 0; i < n; i++) a.limiter.take();
  }

  private job(batchId: string): {
    a: AccountState;
    job: NonNullable<ReturnType<AccountState['store']['jobs']['get']>>;
  } {
    for (const a of this.accounts.all()) {
      const job = a.store.jobs.get(batchId);
      if (job) return { a, job };
    }
    throw new SimActionError(404, `no bulk import batch ${batchId}`);
  }
}
