// Runs in: main (Electron-free). Owns: a jobs row as the queue reads it, and the DeliveryJob a connector gets
// from it (a delete with what the deliveries ledger knows of its entity).
import type { Db } from '../../storage/db.js';
import type { DeliveryJob, PlannedJob } from '../connector.js';

export interface JobRow {
  id: number;
  connection_id: string;
  entity_type: string;
  entity_id: string;
  version: string;
  kind: PlannedJob['kind'];
  contact_key: string | null;
  priority: 0 | 1 | 2;
  payload: string;
  historical: 0 | 1;
  status: string;
  attempts: number;
  lease_expires: number | null;
  submission_ref: string | null;
}

/** A delete carries what the ledger knows of the entity: the store can no longer say what it was. */
export function withPrevious(db: Db, r: JobRow, job: DeliveryJob): DeliveryJob {
  if (r.kind !== 'delete') return job;
  const d = db
    .prepare(
      'SELECT remote_id, payload FROM deliveries WHERE connection_id = ? AND entity_type = ? AND entity_id = ?',
    )
    .get(r.connection_id, r.entity_type, r.entity_id) as
    { remote_id: string | null; payload: string | null } | undefined;
  if (!d) return job;
  return {
    ...job,
    previous: {
      ...(d.remote_id ? { remoteId: d.remote_id } : {}),
      ...(d.payload ? { payload: JSON.parse(d.payload) as unknown } : {}),
    },
  };
}

export function toDeliveryJob(r: JobRow): DeliveryJob {
  return {
    jobId: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    version: r.version,
    kind: r.kind,
    ...(r.contact_key ? { contactKey: r.contact_key } : {}),
    priority: r.priority,
    payload: JSON.parse(r.payload) as unknown,
    attempts: r.attempts,
    historical: r.historical === 1,
    ...(r.submission_ref ? { submissionRef: r.submission_ref } : {}),
  };
}
