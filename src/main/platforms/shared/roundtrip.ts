// Runs in: main (Electron-free). Owns: the shape every connector's optional round trip shares: write one
// record for a reserved test identity, read it back (waiting for platforms that queue writes), then remove or
// anonymise it, each step a VerifyCheck with what to fix; the record is cleaned up even when the read fails.
import { randomBytes } from 'node:crypto';
import type { VerifyCheck } from '../../engine/connector.js';

/** A fresh reserved identity per run: `.invalid` never delivers mail, and the name says what it is. */
export function testIdentityEmail(): string {
  return `storebridge-verify+${randomBytes(4).toString('hex')}@example.invalid`;
}

export interface RoundTripStep<In, Out> {
  label: string;
  run(input: In): Promise<Out>;
  /** What the user should do when this step fails. */
  fix(err: unknown): string;
}

export interface RoundTripPlan<Handle> {
  /** Writes the test record; returns what the read and the removal need (the platform's id, the email). */
  write: RoundTripStep<void, { handle: Handle; detail: string }>;
  /** Reads it back: a detail when it is there as written, undefined while it is not (yet). Throws on errors. */
  read: RoundTripStep<Handle, string | undefined>;
  remove: RoundTripStep<Handle, string>;
}

export interface RoundTripWait {
  pollMs: number;
  maxWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runRoundTrip<Handle>(
  plan: RoundTripPlan<Handle>,
  wait: RoundTripWait,
): Promise<VerifyCheck[]> {
  const checks: VerifyCheck[] = [];
  const failed = (id: string, step: RoundTripStep<never, unknown>, err: unknown): VerifyCheck => ({
    id,
    label: step.label,
    ok: false,
    detail: message(err),
    fix: step.fix(err),
  });
  let handle: Handle;
  try {
    const w = await plan.write.run();
    handle = w.handle;
    checks.push({ id: 'roundtrip-write', label: plan.write.label, ok: true, detail: w.detail });
  } catch (err) {
    return [failed('roundtrip-write', plan.write, err)];
  }
  try {
    checks.push({
      id: 'roundtrip-read',
      label: plan.read.label,
      ok: true,
      detail: await readUntil(plan.read, handle, wait),
    });
  } catch (err) {
    checks.push(failed('roundtrip-read', plan.read, err));
  }
  // Removed even when the read failed: the test record must not stay behind.
  try {
    checks.push({
      id: 'roundtrip-remove',
      label: plan.remove.label,
      ok: true,
      detail: await plan.remove.run(handle),
    });
  } catch (err) {
    checks.push(failed('roundtrip-remove', plan.remove, err));
  }
  return checks;
}

async function readUntil<H>(step: RoundTripStep<H, string | undefined>, handle: H, w: RoundTripWait) {
  const now = w.now ?? Date.now;
  const until = now() + w.maxWaitMs;
  for (;;) {
    const detail = await step.run(handle);
    if (detail !== undefined) return detail;
    if (now() >= until)
      throw new Error(`the test record was not there (as written) ${w.maxWaitMs} ms after it was accepted`);
    await (w.sleep ?? defaultSleep)(w.pollMs);
  }
}
