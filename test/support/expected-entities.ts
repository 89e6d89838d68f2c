// Runs in: vitest. Owns: what a destination must hold after a sync: the entities its connector plans from
// the store's staging (latest version of each record), for the crash and fault tests to compare against.
import type { Workspace } from '../../src/main/app/workspace.js';
import type { StagedRecord, StagedResource } from '../../src/main/engine/connector.js';
import { connectorFor } from '../../src/main/platforms/registry.js';

/**
 * The latest staged version of every record, planned by the connector: the destination must hold each
 * upserted or appended entity once. Entities planned as deletes are left out.
 */
export function expectedEntities(
  ws: Workspace,
  storeId: string,
  connectionId: string,
  platform: string,
): Map<string, Set<string>> {
  const connector = connectorFor(platform)!;
  const conn = ws.connections.get(connectionId);
  const rows = ws.db
    .prepare(
      `SELECT resource, record_id, date_modified, kind, payload FROM staging s WHERE store_id = ?
       AND seq = (SELECT max(seq) FROM staging t WHERE t.store_id = s.store_id AND t.resource = s.resource
         AND t.record_id = s.record_id)`,
    )
    .all(storeId) as Array<{
    resource: string;
    record_id: string;
    date_modified: string;
    kind: string;
    payload: string;
  }>;
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const record: StagedRecord = {
      storeId,
      resource: r.resource as StagedResource,
      id: r.record_id,
      dateModified: r.date_modified,
      data: r.kind === 'delete' ? undefined : (JSON.parse(r.payload) as unknown),
      deleted: r.kind === 'delete',
      historical: true,
    };
    for (const job of connector.plan(record, { settings: conn.settings, connectionId, storeId })) {
      // A delete (a cancelled order a platform removes, say) must not be there afterwards: not expected.
      if (job.kind === 'delete') continue;
      let ids = out.get(job.entityType);
      if (!ids) out.set(job.entityType, (ids = new Set()));
      ids.add(job.entityId);
    }
  }
  return out;
}
