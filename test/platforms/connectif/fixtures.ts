// Runs in: vitest. Owns: the seeded store fixtures the Connectif tests use (shared with Bloomreach's).
export * from '../shared/store-fixtures.js';
