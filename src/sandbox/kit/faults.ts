// Runs in: Node (simulators). Owns: the fault switches every simulator exposes under /__sim/faults.
import { z } from 'zod';

export const faultKinds = ['status', 'timeout', 'reset', 'malformed', 'slow', 'down', 'huge'] as const;
export type FaultKind = (typeof faultKinds)[number];

export const faultSchema = z.object({
  kind: z.enum(faultKinds),
  /** For `status`: the HTTP status to answer (default 503). */
  status: z.number().int().min(100).max(599).optional(),
  /** For `slow`: added latency; for `timeout`: how long to hold the socket before destroying it. */
  delayMs: z.number().int().min(0).max(600_000).optional(),
  /** Only requests whose path contains this substring are affected. */
  pathIncludes: z.string().optional(),
  /** Only requests with this method are affected. */
  method: z.string().optional(),
  /** How many matching requests the fault affects; omitted = until cleared. */
  count: z.number().int().min(1).optional(),
  /** Skip this many matching requests first (so a fault can strike mid-run). */
  after: z.number().int().min(0).optional(),
});
export type Fault = z.infer<typeof faultSchema>;

interface ActiveFault extends Fault {
  id: number;
  seen: number;
  fired: number;
}

/** Holds the active faults of one simulator and decides which one (if any) hits a request. */
export class FaultBoard {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(fault: Fault): number {
    const id = this.nextId++;
    this.faults.push({ ...fault, id, seen: 0, fired: 0 });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Array<Fault & { id: number; fired: number }> {
    return this.faults.map(({ seen: _seen, ...f }) => f);
  }

  /** Consumes and returns the first fault that matches, or undefined. */
  take(method: string, path: string): Fault | undefined {
    for (const f of this.faults) {
      if (f.method && f.method.toUpperCase() !== method.toUpperCase()) continue;
      if (f.pathIncludes && !path.includes(f.pathIncludes)) continue;
      f.seen++;
      if (f.after !== undefined && f.seen <= f.after) continue;
      f.fired++;
      if (f.count !== undefined && f.fired >= f.count) {
        this.faults = this.faults.filter((x) => x !== f);
      }
      return f;
    }
    return undefined;
  }
}
