// Runs in: vitest. Owns: what every platform's verify-roundtrip test sets up the same way: a simulator closed
// after each test, the connector context a wizard's round trip gets, and the reserved test identity's shape.
import { afterEach } from 'vitest';
import { systemClock } from '../../../src/main/core/clock.js';
import { silentLogger } from '../../../src/main/core/logger.js';
import type { ConnectorContext, VerifyCheck } from '../../../src/main/engine/connector.js';

/** The reserved address a round trip writes (and must remove) instead of a real person. */
export const RESERVED_EMAIL = /storebridge-verify\+[0-9a-f]{8}@example\.invalid/;

/** Registers an afterEach that closes whatever the returned function was last given (a simulator, a harness). */
export function closedAfterEach<T extends { close(): Promise<unknown> }>(): (started: T) => T {
  let current: T | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return (started) => (current = started);
}

export function roundTripContext<C, S>(
  credentials: C,
  settings: S,
  accountName: string,
): ConnectorContext<C, S> {
  return {
    credentials,
    settings,
    account: { id: 'a', name: accountName },
    clock: systemClock,
    logger: silentLogger,
    signal: new AbortController().signal,
  };
}

/** Each check as [id, ok], the shape the tests compare whole. */
export const outcomes = (checks: VerifyCheck[]): Array<[string, boolean]> => checks.map((c) => [c.id, c.ok]);
