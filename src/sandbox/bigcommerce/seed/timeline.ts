// Runs in: Node (simulators). Owns: seeded timestamps that never decrease with the record id, so the table's
// date_modified index over seeded records is the id order itself (no sorting, no memory).
import { mix } from '../rng.js';

export interface Timeline {
  start: number;
  end: number;
  count: number;
  seed: number;
  kind: number;
}

/** Record `id` lives in slot [id-1, id) of the span; created in the first half, modified in the second. */
export function createdAt(t: Timeline, id: number): number {
  return slot(t, id, (mix(t.seed, t.kind, id) / 4294967296) * 0.5);
}

export function modifiedAt(t: Timeline, id: number): number {
  return slot(t, id, 0.5 + (mix(t.seed, t.kind + 100, id) / 4294967296) * 0.5);
}

function slot(t: Timeline, id: number, frac: number): number {
  const span = Math.max(0, t.end - t.start);
  const ms = t.start + ((id - 1 + frac) * span) / Math.max(1, t.count);
  return Math.floor(ms / 1000) * 1000;
}
