// Runs in: Node (simulators). Owns: one record collection: a lazily generated seeded base (ids 1..count, built
// on demand so a million records cost no memory) plus an overlay of created, changed and deleted records, with
// id order and a date_modified index kept incrementally so a page read never sorts the whole collection.
import type { Keyed } from './types.js';

/** Seeded records: `at(id)` is a pure function; `dateModifiedAt` must not decrease as id grows. */
export interface BaseSource<T> {
  count: number;
  at(id: number): T;
  dateModifiedAt(id: number): number;
}

const emptyBase: BaseSource<never> = {
  count: 0,
  at: () => {
    throw new Error('empty base');
  },
  dateModifiedAt: () => 0,
};

export class Table<T extends Keyed> {
  /** Bumped on every write; query caches key on it. */
  version = 0;
  private readonly overlay = new Map<number, T | null>();
  /** Seeded records whose only change is a later date_modified: kept as a number, not a whole record. */
  private readonly baseDm = new Map<number, number>();
  /** Ids above the base range, ascending (new ids only grow). */
  private readonly extraIds: number[] = [];
  /** Overlay records ordered by (date_modified, id). */
  private readonly dmIndex: Array<{ dm: number; id: number }> = [];
  private deletedBase = 0;
  private maxId: number;

  constructor(private readonly base: BaseSource<T> = emptyBase as BaseSource<T>) {
    this.maxId = base.count;
  }

  get size(): number {
    return this.base.count - this.deletedBase + this.extraIds.length;
  }

  nextId(): number {
    return this.maxId + 1;
  }

  get(id: number): T | undefined {
    const o = this.overlay.get(id);
    if (o !== undefined) return o ?? undefined;
    if (!Number.isInteger(id) || id < 1 || id > this.base.count) return undefined;
    const rec = this.base.at(id);
    const dm = this.baseDm.get(id);
    if (dm !== undefined) rec.date_modified = dm;
    return rec;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** Moves a seeded record's date_modified without materialising it (seeded history). */
  retime(id: number, dm: number): void {
    if (this.overlay.has(id) || id < 1 || id > this.base.count)
      throw new Error(`retime: ${id} is not an untouched seeded record`);
    this.dropBaseDm(id);
    this.baseDm.set(id, dm);
    this.dmIndex.splice(this.dmPos(dm, id), 0, { dm, id });
    this.version++;
  }

  private dropBaseDm(id: number): void {
    const dm = this.baseDm.get(id);
    if (dm === undefined) return;
    const at = this.dmPos(dm, id);
    if (this.dmIndex[at]?.id === id) this.dmIndex.splice(at, 1);
    this.baseDm.delete(id);
  }

  /** Inserts or replaces; the caller sets date_modified. */
  put(rec: T): void {
    this.dropBaseDm(rec.id);
    const prev = this.overlay.get(rec.id);
    if (prev) this.unindex(prev);
    else if (prev === null) throw new Error(`record ${rec.id} was deleted`);
    else if (rec.id > this.base.count && !this.overlay.has(rec.id)) {
      if (rec.id <= this.maxId) throw new Error(`id ${rec.id} was already used`);
      this.extraIds.push(rec.id);
      this.maxId = rec.id;
    }
    this.overlay.set(rec.id, rec);
    this.dmIndex.splice(this.dmPos(rec.date_modified, rec.id), 0, { dm: rec.date_modified, id: rec.id });
    this.version++;
  }

  remove(id: number): boolean {
    const prev = this.get(id);
    if (!prev) return false;
    if (this.overlay.get(id)) this.unindex(prev);
    this.dropBaseDm(id);
    if (id <= this.base.count) {
      this.overlay.set(id, null);
      this.deletedBase++;
    } else {
      this.overlay.delete(id);
      this.extraIds.splice(
        lowerBound(this.extraIds.length, (i) => this.extraIds[i]! < id),
        1,
      );
    }
    this.version++;
    return true;
  }

  /** Ids in ascending order. */
  *ids(): Generator<number> {
    for (let id = 1; id <= this.base.count; id++) if (this.overlay.get(id) !== null) yield id;
    yield* this.extraIds;
  }

  /** Ids whose date_modified lies in [min, max], in (date_modified, id) order: base range merged with overlay. */
  *idsByDateModified(min = -Infinity, max = Infinity): Generator<number> {
    const b = this.base;
    let i = 1 + lowerBound(b.count, (k) => b.dateModifiedAt(k + 1) < min);
    const bEnd = lowerBound(b.count, (k) => b.dateModifiedAt(k + 1) <= max);
    let j = this.dmPos(min, -Infinity);
    const jEnd = this.dmPos(max, Infinity);
    for (;;) {
      while (i <= bEnd && (this.overlay.has(i) || this.baseDm.has(i))) i++;
      const o = j < jEnd ? this.dmIndex[j]! : undefined;
      if (i > bEnd && !o) return;
      const bdm = i <= bEnd ? b.dateModifiedAt(i) : Infinity;
      if (o && (o.dm < bdm || (o.dm === bdm && o.id < i))) {
        yield o.id;
        j++;
      } else {
        yield i;
        i++;
      }
    }
  }

  private unindex(rec: T): void {
    const at = this.dmPos(rec.date_modified, rec.id);
    if (this.dmIndex[at]?.id === rec.id) this.dmIndex.splice(at, 1);
    else {
      const k = this.dmIndex.findIndex((e) => e.id === rec.id);
      if (k >= 0) this.dmIndex.splice(k, 1);
    }
  }

  /** First index whose (dm, id) is not below the given pair. */
  private dmPos(dm: number, id: number): number {
    return lowerBound(this.dmIndex.length, (k) => {
      const e = this.dmIndex[k]!;
      return e.dm < dm || (e.dm === dm && e.id < id);
    });
  }
}

/** Number of leading positions in [0, n) for which `below` holds (it must be monotone). */
export function lowerBound(n: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
