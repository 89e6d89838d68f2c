// Runs in: main. Owns: migration 12: the store's own country (BigCommerce's v2 store information), so phone
// numbers written without a country code are read as the store's local numbers, not as US ones.
import type { Migration } from '../migrate.js';

export const m012: Migration = {
  id: 12,
  name: 'store country',
  // NULL: not read yet (the store check and the first sync read it); then an ISO 3166-1 alpha-2 code.
  sql: `
ALTER TABLE stores ADD COLUMN country_code TEXT CHECK (country_code GLOB '[A-Z][A-Z]');
`,
};
