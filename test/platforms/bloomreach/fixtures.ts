// Runs in: vitest. Owns: the seeded store fixtures the Bloomreach tests use (shared with Connectif's).
export * from '../shared/store-fixtures.js';
