// Runs in: Node (simulators). Owns: Bloomreach's customer store: identity resolution (hard and soft ids,
// merging, soft-id stealing, the 64 soft-id cap), per-property update times, append-only events, anonymisation.
import { randomUUID } from 'node:crypto';
import { internalId } from './errors.js';
import { LIMITS } from './options.js';
import type { CustomerId } from './validate.js';

export interface StoredProperty {
  value: unknown;
  /** Unix seconds of the write that set it (compared with `update_timestamp`). */
  updatedAt: number;
}

export interface Customer {
  internalId: string;
  /** Creation order: on merge the older customer survives. */
  seq: number;
  hard: Record<string, string>;
  /** Per soft-id type, least recently used first. */
  soft: Record<string, string[]>;
  properties: Record<string, StoredProperty>;
  createdAt: number;
  anonymizedAt?: number;
}

export interface StoredEvent {
  seq: number;
  customerId: string;
  type: string;
  /** Unix seconds, exactly as sent (no millisecond detection). */
  timestamp: number;
  properties: Record<string, unknown>;
  receivedAt: number;
}

export interface IdConflict {
  at: number;
  customerId: string;
  id: CustomerId;
  reason: string;
}

const key = (type: string, value: string): string => `${type}\u0000${value}`;

export class CustomerStore {
  readonly customers = new Map<string, Customer>();
  readonly events: StoredEvent[] = [];
  /** Ids the platform silently did not apply (hard-id clashes): visible to tests, never in a response. */
  readonly conflicts: IdConflict[] = [];
  private readonly index = new Map<string, string>();
  private seq = 0;
  private eventSeq = 0;

  constructor(private readonly now: () => number) {}

  clear(): void {
    this.customers.clear();
    this.events.length = 0;
    this.conflicts.length = 0;
    this.index.clear();
  }

  /** Read path: the customer any of these ids points to, preferring hard ids. */
  find(ids: CustomerId[]): Customer | undefined {
    const ordered = [...ids.filter((i) => i.kind === 'hard'), ...ids.filter((i) => i.kind === 'soft')];
    for (const id of ordered) {
      const found = this.index.get(key(id.type, id.value));
      if (found) return this.customers.get(found);
    }
    return undefined;
  }

  /** Write path: finds or creates the customer, merging and attaching ids as the docs describe. */
  resolve(ids: CustomerId[]): Customer {
    let primary: Customer | undefined;
    for (const id of ids.filter((i) => i.kind === 'hard')) {
      const other = this.lookup(id);
      if (!other || other === primary) continue;
      if (!primary) primary = other;
      else if (compatible(primary, other)) primary = this.merge(primary, other);
      else
        this.conflict(
          primary,
          id,
          `hard id already belongs to customer ${other.internalId} with a different ${id.type}`,
        );
    }
    const requested = Object.fromEntries(ids.filter((i) => i.kind === 'hard').map((i) => [i.type, i.value]));
    for (const id of ids.filter((i) => i.kind === 'soft')) {
      const other = this.lookup(id);
      if (!other || other === primary) continue;
      // A soft id never pulls a profile with other hard ids into this one: the newer profile steals it.
      if (!compatibleHard(other.hard, { ...requested, ...primary?.hard })) this.stealSoft(other, id);
      else if (!primary) primary = other;
      else primary = this.merge(primary, other);
    }
    primary ??= this.create();
    for (const id of ids) this.attach(primary, id);
    return primary;
  }

  /** Writes properties whose stored update time is older than this write's. */
  updateProperties(c: Customer, props: Record<string, unknown>, updateTimestamp?: number): string[] {
    const at = updateTimestamp ?? this.now() / 1000;
    const written: string[] = [];
    for (const [name, value] of Object.entries(props)) {
      const current = c.properties[name];
      if (updateTimestamp !== undefined && current && current.updatedAt >= updateTimestamp) continue;
      c.properties[name] = { value, updatedAt: at };
      written.push(name);
    }
    return written;
  }

  /** Events are append-only: the same event sent twice is stored twice, as on the platform. */
  addEvent(c: Customer, type: string, timestamp: number, properties: Record<string, unknown>): StoredEvent {
    const event = {
      seq: ++this.eventSeq,
      customerId: c.internalId,
      type,
      timestamp,
      properties,
      receivedAt: this.now(),
    };
    this.events.push(event);
    return event;
  }

  eventsOf(c: Customer): StoredEvent[] {
    return this.events.filter((e) => e.customerId === c.internalId);
  }

  /** Removes PII properties and every external id, assigns a new cookie, keeps events (their PII attributes cleared). */
  anonymize(c: Customer, pii: string[]): void {
    for (const [type, value] of Object.entries(c.hard)) this.index.delete(key(type, value));
    for (const [type, values] of Object.entries(c.soft))
      for (const v of values) this.index.delete(key(type, v));
    c.hard = {};
    c.soft = {};
    for (const name of pii) delete c.properties[name];
    for (const e of this.eventsOf(c))
      for (const name of pii) if (name in e.properties) e.properties[name] = null;
    c.anonymizedAt = this.now();
    this.attach(c, { type: 'cookie', value: randomUUID(), kind: 'soft' });
    this.addEvent(c, 'anonymization', this.now() / 1000, {});
  }

  private lookup(id: CustomerId): Customer | undefined {
    const found = this.index.get(key(id.type, id.value));
    return found ? this.customers.get(found) : undefined;
  }

  private create(): Customer {
    const c: Customer = {
      internalId: internalId(),
      seq: ++this.seq,
      hard: {},
      soft: {},
      properties: {},
      createdAt: this.now(),
    };
    this.customers.set(c.internalId, c);
    return c;
  }

  private attach(c: Customer, id: CustomerId): void {
    const owner = this.index.get(key(id.type, id.value));
    if (id.kind === 'hard') {
      if (owner && owner !== c.internalId) return; // clash already recorded in resolve()
      const current = c.hard[id.type];
      if (current === undefined) {
        c.hard[id.type] = id.value;
        this.index.set(key(id.type, id.value), c.internalId);
      } else if (current !== id.value) {
        // One value per hard-id type: the platform keeps the first and does not move it.
        this.conflict(c, id, `customer already has ${id.type}=${current}`);
      }
      return;
    }
    if (owner && owner !== c.internalId) return;
    const list = (c.soft[id.type] ??= []);
    const at = list.indexOf(id.value);
    if (at >= 0) list.splice(at, 1);
    list.push(id.value);
    this.index.set(key(id.type, id.value), c.internalId);
    while (list.length > LIMITS.softIdsPerType) {
      const dropped = list.shift()!;
      this.index.delete(key(id.type, dropped));
    }
  }

  private stealSoft(from: Customer, id: CustomerId): void {
    const list = from.soft[id.type] ?? [];
    from.soft[id.type] = list.filter((v) => v !== id.value);
    this.index.delete(key(id.type, id.value));
  }

  /** Events move to the older customer; properties merge with newer values winning; a `merge` event is tracked. */
  private merge(a: Customer, b: Customer): Customer {
    const [target, source] = a.seq < b.seq ? [a, b] : [b, a];
    for (const e of this.events) if (e.customerId === source.internalId) e.customerId = target.internalId;
    for (const [name, prop] of Object.entries(source.properties)) {
      const current = target.properties[name];
      if (!current || prop.updatedAt > current.updatedAt) target.properties[name] = prop;
    }
    this.customers.delete(source.internalId);
    for (const [type, value] of Object.entries(source.hard)) {
      target.hard[type] = value;
      this.index.set(key(type, value), target.internalId);
    }
    for (const [type, values] of Object.entries(source.soft)) {
      for (const value of values) {
        this.index.delete(key(type, value));
        this.attach(target, { type, value, kind: 'soft' });
      }
    }
    this.addEvent(target, 'merge', this.now() / 1000, { merged_customer_id: source.internalId });
    return target;
  }

  private conflict(c: Customer, id: CustomerId, reason: string): void {
    this.conflicts.push({ at: this.now(), customerId: c.internalId, id, reason });
  }
}

/** Two customers may merge only if they hold no different values for the same hard-id type. */
function compatible(a: Customer, b: Customer): boolean {
  return compatibleHard(a.hard, b.hard);
}

function compatibleHard(a: Record<string, string>, b: Record<string, string>): boolean {
  for (const [type, value] of Object.entries(a)) {
    const other = b[type];
    if (other !== undefined && other !== value) return false;
  }
  return true;
}
