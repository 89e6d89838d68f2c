// Runs in: Node (benchmarks). Owns: which dotdigital rate-limit tier a logged request fell in, read from the
// simulator's own route table (the tiers are per endpoint and unpublished: the simulator's assignment is the
// one the benchmark's bound must count).
import { Router, type Handler } from '../../src/sandbox/kit/index.js';
import type { SimContext } from '../../src/sandbox/dotdigital/gate.js';
import type { Tier } from '../../src/sandbox/dotdigital/options.js';
import type { Add } from '../../src/sandbox/dotdigital/routes/shared.js';
import { v2AccountRoutes } from '../../src/sandbox/dotdigital/routes/v2-account.js';
import { v2AddressBookRoutes } from '../../src/sandbox/dotdigital/routes/v2-address-books.js';
import { v2ContactRoutes } from '../../src/sandbox/dotdigital/routes/v2-contacts.js';
import { v2DataFieldRoutes } from '../../src/sandbox/dotdigital/routes/v2-data-fields.js';
import { v2ImportRoutes } from '../../src/sandbox/dotdigital/routes/v2-imports.js';
import { v2InsightRoutes } from '../../src/sandbox/dotdigital/routes/v2-insight.js';
import { v2ProgramRoutes } from '../../src/sandbox/dotdigital/routes/v2-programs.js';
import { v2SuppressionRoutes } from '../../src/sandbox/dotdigital/routes/v2-suppression.js';
import { v3ContactRoutes } from '../../src/sandbox/dotdigital/routes/v3-contacts.js';
import { v3ImportRoutes } from '../../src/sandbox/dotdigital/routes/v3-imports.js';
import { v3InsightRoutes } from '../../src/sandbox/dotdigital/routes/v3-insight.js';

const router = new Router();
const tierOfHandler = new Map<Handler, Tier>();
// Registration only: no handler runs, so the context is never read.
const ctx = {} as SimContext;
const add: Add = (method, pattern, tier) => {
  const h: Handler = () => ({ status: 200 });
  tierOfHandler.set(h, tier);
  router.add(method, pattern, h);
};
// The order of routes/index.ts: the kit router takes the first match.
v2AccountRoutes(add, ctx, (r) => r);
v2DataFieldRoutes(add);
v2ImportRoutes(add, ctx);
v2InsightRoutes(add, ctx);
v2SuppressionRoutes(add, ctx);
v2ProgramRoutes(add, ctx);
v2AddressBookRoutes(add, ctx);
v2ContactRoutes(add, ctx);
v3ImportRoutes(add, ctx);
v3ContactRoutes(add, ctx);
v3InsightRoutes(add, ctx);

/** The tier the simulator counts this request in; undefined for a route it does not know. */
export function dotdigitalTier(method: string, path: string): Tier | undefined {
  const m = router.match(method, path);
  return m && m !== 'method' ? tierOfHandler.get(m.handler) : undefined;
}
