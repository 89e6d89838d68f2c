// Runs in: main (Electron-free). Owns: a staging row as the StagedRecord a connector plans from.
import type { StagedRecord, StagedResource } from '../connector.js';

export interface StagingRow {
  seq: number;
  resource: string;
  record_id: string;
  date_modified: string;
  kind: 'upsert' | 'delete';
  payload: string;
}

export function toRecord(storeId: string, row: StagingRow, historical: boolean): StagedRecord {
  return {
    storeId,
    resource: row.resource as StagedResource,
    id: row.record_id,
    dateModified: row.date_modified,
    data: row.kind === 'delete' ? undefined : (JSON.parse(row.payload) as unknown),
    deleted: row.kind === 'delete',
    historical,
  };
}
