// Runs in: main. Owns: migration 5: the deliveries ledger keeps the last payload each platform acknowledged, so
// a later delete can tell the connector what to find (with `remote_id`) after the store forgot the record;
// and each connection's progress records the lag and queue depth its scheduler measured after a run.
import type { Migration } from '../migrate.js';

export const m005: Migration = {
  id: 5,
  name: 'deliveries-payload',
  sql: `
ALTER TABLE deliveries ADD COLUMN payload TEXT;
ALTER TABLE connection_progress ADD COLUMN lag_ms INTEGER;
ALTER TABLE connection_progress ADD COLUMN queue_depth INTEGER;
`,
};
