// Runs in: Node (simulators). Owns: turning a filter/sort request into an ordered id list using the table's
// indexes, cached per table version so paging through an unchanged collection costs one slice per page.
import { lowerBound, type Table } from './table.js';
import type { Keyed } from './types.js';

export interface Selection<T> {
  /** Identifies the filter and sort (not the page) for the cache. */
  key: string;
  ids?: number[];
  dateModified?: { min?: number; max?: number };
  where?: (rec: T) => boolean;
  /** A cheap test on the id alone, applied before `where` (no record is generated for it). */
  idWhere?: (id: number) => boolean;
  sort?: { field: 'id' | 'date_modified' | ((a: T, b: T) => number); desc?: boolean };
}

interface CacheEntry {
  version: number;
  ids: number[];
  positions?: Map<number, number>;
}

export class Selector<T extends Keyed> {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly table: Table<T>) {}

  select(s: Selection<T>): number[] {
    return this.entry(s).ids;
  }

  /**
   * Position of `id` in the selection (for cursors), or -1. In id order an id that left the selection
   * (deleted since the previous page) gives the position of the nearest smaller id, so a walk goes on.
   */
  positionOf(s: Selection<T>, id: number): number {
    const e = this.entry(s);
    // Id-ordered selections (the usual cursor walk) need no position map: binary search.
    if ((s.sort?.field ?? 'id') === 'id' && !s.sort?.desc) {
      return lowerBound(e.ids.length, (i) => e.ids[i]! <= id) - 1;
    }
    e.positions ??= new Map(e.ids.map((v, i) => [v, i]));
    return e.positions.get(id) ?? -1;
  }

  private entry(s: Selection<T>): CacheEntry {
    const hit = this.cache.get(s.key);
    if (hit && hit.version === this.table.version) return hit;
    const e = { version: this.table.version, ids: this.compute(s) };
    this.cache.set(s.key, e);
    if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value as string);
    return e;
  }

  private compute(s: Selection<T>): number[] {
    const t = this.table;
    const field = s.sort?.field ?? 'id';
    const dm = s.dateModified;
    let ids: number[];
    let order: 'id' | 'dm' | 'none';
    if (s.ids) {
      ids = [...new Set(s.ids)].filter((id) => t.has(id)).sort((a, b) => a - b);
      order = 'id';
    } else if (dm || field === 'date_modified') {
      ids = [...t.idsByDateModified(dm?.min, dm?.max)];
      order = 'dm';
    } else {
      ids = [...t.ids()];
      order = 'id';
    }
    if (s.ids && dm) {
      ids = ids.filter((id) => {
        const m = t.get(id)!.date_modified;
        return (dm.min === undefined || m >= dm.min) && (dm.max === undefined || m <= dm.max);
      });
    }
    if (s.idWhere) ids = ids.filter(s.idWhere);
    if (s.where) {
      const where = s.where;
      ids = ids.filter((id) => where(t.get(id)!));
    }
    if (field === 'id' && order !== 'id') ids.sort((a, b) => a - b);
    else if (field === 'date_modified' && order !== 'dm') {
      const dmOf = new Map(ids.map((id) => [id, t.get(id)!.date_modified]));
      ids.sort((a, b) => dmOf.get(a)! - dmOf.get(b)! || a - b);
    } else if (typeof field === 'function') {
      const recs = ids.map((id) => t.get(id)!);
      recs.sort((a, b) => field(a, b) || a.id - b.id);
      ids = recs.map((r) => r.id);
    }
    if (s.sort?.desc) ids.reverse();
    return ids;
  }
}
