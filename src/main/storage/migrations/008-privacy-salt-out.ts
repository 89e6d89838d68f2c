// Runs in: main. Owns: migration 8: the privacy salt leaves SQLite (a stolen database file with the salt next to
// the hashes allows a dictionary attack). It names the salt's keychain account; the salt itself is moved by
// privacy/subject.ts on first use (SQL cannot reach the keychain), and no build may write it here again.
import type { Migration } from '../migrate.js';

export const m008: Migration = {
  id: 8,
  name: 'privacy-salt-out-of-db',
  sql: `
INSERT OR IGNORE INTO privacy_settings (key, value)
  VALUES ('salt_account', 'privacy:' || lower(hex(randomblob(16))) || ':salt');

CREATE TRIGGER privacy_settings_no_salt BEFORE INSERT ON privacy_settings
  WHEN NEW.key = 'salt'
  BEGIN SELECT RAISE(ABORT, 'the privacy salt belongs in the keychain, not in the workspace database'); END;
CREATE TRIGGER privacy_settings_no_salt_update BEFORE UPDATE ON privacy_settings
  WHEN NEW.key = 'salt'
  BEGIN SELECT RAISE(ABORT, 'the privacy salt belongs in the keychain, not in the workspace database'); END;
`,
};
