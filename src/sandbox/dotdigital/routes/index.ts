// Runs in: Node (simulators). Owns: the route table of one regional host. Specific paths are added
// before parameterised ones, because the kit router takes the first match.
import { Router } from '../../kit/index.js';
import { gate, type SimContext } from '../gate.js';
import type { Region } from '../options.js';
import type { Add } from './shared.js';
import { simRoutes } from './sim.js';
import { v2AccountRoutes } from './v2-account.js';
import { v2AddressBookRoutes } from './v2-address-books.js';
import { v2ContactRoutes } from './v2-contacts.js';
import { v2DataFieldRoutes } from './v2-data-fields.js';
import { v2ImportRoutes } from './v2-imports.js';
import { v2InsightRoutes } from './v2-insight.js';
import { v2ProgramRoutes } from './v2-programs.js';
import { v2SuppressionRoutes } from './v2-suppression.js';
import { v3ContactRoutes } from './v3-contacts.js';
import { v3ImportRoutes } from './v3-imports.js';
import { v3InsightRoutes } from './v3-insight.js';

export function buildRouter(ctx: SimContext, region: Region, regionUrl: (r: string) => string): Router {
  const router = new Router();
  const add: Add = (method, pattern, tier, handler, anyRegion) =>
    router.add(method, pattern, gate(ctx, region, tier, handler, anyRegion));
  simRoutes(router, ctx);
  v2AccountRoutes(add, ctx, regionUrl);
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
  return router;
}
