// Runs in: main (Electron-free). Owns: program enrolments, which dotdigital caps at 20 calls an hour across
// all programs: jobs wait ("submitted") until the allowance has room, then go 25 contacts per call.
import type { DeliveryJob } from '../../engine/connector.js';
import { platformMessage } from './client.js';
import { type BatchSender, type Verdict, verdictOf } from './outcome.js';
import type { EnrolPayload } from './payloads.js';

export const ENROLMENTS_PER_HOUR = 20;
const HOUR = 3_600_000;
const CONTACTS_PER_CALL = 25;

/** This process's view of each API user's enrolment allowance (the platform's is authoritative). */
export class EnrolmentAllowance {
  private readonly calls = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly clock: () => number,
    private readonly perHour = ENROLMENTS_PER_HOUR,
  ) {}

  private recent(user: string): number[] {
    const now = this.clock();
    const list = (this.calls.get(user) ?? []).filter((t) => t > now - HOUR);
    this.calls.set(user, list);
    return list;
  }

  /** When the next enrolment call may go (epoch ms; now when there is room). For the console. */
  nextAt(user: string): number {
    const now = this.clock();
    const list = this.recent(user);
    const byCount = list.length < this.perHour ? now : list[list.length - this.perHour]! + HOUR;
    return Math.max(now, byCount, this.blockedUntil.get(user) ?? 0);
  }

  allow(user: string): boolean {
    return this.nextAt(user) <= this.clock();
  }

  record(user: string): void {
    this.recent(user).push(this.clock());
  }

  /** The platform said the allowance is spent (another app may share the API user): wait an hour at most. */
  exhausted(user: string): void {
    const list = this.recent(user);
    this.blockedUntil.set(user, (list[0] ?? this.clock()) + HOUR);
  }
}

export type EnrolOutcome = Verdict | { kind: 'wait' } | undefined;

const enc = encodeURIComponent;

export async function runEnrolments(
  jobs: DeliveryJob[],
  s: BatchSender,
  allowance: EnrolmentAllowance,
  user: string,
): Promise<Map<number, EnrolOutcome>> {
  const out = new Map<number, EnrolOutcome>();
  const byProgram = new Map<number, DeliveryJob[]>();
  for (const j of jobs) {
    const p = j.payload as EnrolPayload;
    // Markers only take the slot; history never starts a program.
    if (p.programId === null || j.historical) out.set(j.jobId, { kind: 'ok' });
    else byProgram.set(p.programId, [...(byProgram.get(p.programId) ?? []), j]);
  }
  for (const [programId, group] of byProgram) {
    for (let i = 0; i < group.length; i += CONTACTS_PER_CALL) {
      const chunk = group.slice(i, i + CONTACTS_PER_CALL);
      if (!allowance.allow(user)) {
        for (const j of chunk) out.set(j.jobId, { kind: 'wait' });
        continue;
      }
      const ids = new Map<number, number>();
      for (const j of chunk) {
        const p = j.payload as EnrolPayload;
        const a = await s.send('GET', `/contacts/v3/email/${enc(p.email)}`);
        if (!a) out.set(j.jobId, undefined);
        else if (a.status === 404)
          out.set(j.jobId, {
            kind: 'permanent',
            reason: `${p.label}: dotdigital has no contact ${p.email} to enrol`,
          });
        else {
          const v = verdictOf(a, p.label);
          if (v.kind !== 'ok') out.set(j.jobId, v);
          else ids.set(j.jobId, Number((a.body as { contactId?: unknown }).contactId));
        }
      }
      if (ids.size === 0) continue;
      const a = await s.send('POST', '/v2/programs/enrolments', {
        programId,
        contacts: [...new Set(ids.values())],
      });
      let v: EnrolOutcome;
      if (!a) v = undefined;
      else if (a.status === 400 && platformMessage(a).includes('ERROR_ENROLMENT_ALLOWANCE_EXCEEDED')) {
        allowance.exhausted(user);
        v = { kind: 'wait' };
      } else {
        v = verdictOf(a, `enrolment into program ${programId}`);
        if (a.status < 300) allowance.record(user);
        if (a.status === 403)
          v = {
            kind: 'permanent',
            reason: `program ${programId}: the API user lacks the Programs permission (403)`,
          };
      }
      for (const jobId of ids.keys()) out.set(jobId, v);
    }
  }
  return out;
}
