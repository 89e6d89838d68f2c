// Runs in: main. Owns: migration 11: why a connection is held for re-authentication, kept apart from the
// user's own pause, so replacing a refused token releases the hold without undoing a pause the user chose.
import type { Migration } from '../migrate.js';

export const m011: Migration = {
  id: 11,
  name: 'connection hold',
  // NULL: not held. A hold from before this column exists stays a plain pause (the reason was only in the
  // event log, a separate file): the user resumes it by hand, as that hold's message asked.
  sql: `
ALTER TABLE connections ADD COLUMN held_for TEXT CHECK (held_for IN ('store_token', 'platform_credentials'));
`,
};
