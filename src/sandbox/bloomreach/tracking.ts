// Runs in: Node (simulators). Owns: the Tracking API v2 routes (system/time, customers, customers/events,
// batch) and the command semantics the single routes and the batch share.
import type { Router, SimResponse } from '../kit/index.js';
import { can, type Principal } from './auth.js';
import { api, type Ctx } from './context.js';
import { batchError, isPlainObject } from './errors.js';
import { LIMITS } from './options.js';
import { MSG, checkCustomerIds, checkProperties, checkSizes, checkTimestamp } from './validate.js';

export type CommandResult = { success: true; time?: number } | { success: false; errors: string[] };

const fail = (...errors: string[]): CommandResult => ({ success: false, errors });

export function runCommand(ctx: Ctx, p: Principal, name: unknown, data: unknown): CommandResult {
  switch (name) {
    case 'system/time':
      return { success: true, time: ctx.opts.now() / 1000 };
    case 'customers':
      return updateCustomer(ctx, p, isPlainObject(data) ? data : {});
    case 'customers/events':
      return addEvent(ctx, p, isPlainObject(data) ? data : {});
    default:
      return fail(`Unknown command name: ${String(name)}`);
  }
}

function updateCustomer(ctx: Ctx, p: Principal, data: Record<string, unknown>): CommandResult {
  const ids = checkCustomerIds(data['customer_ids'], ctx.opts.idTypes);
  if (!ids.ok) return fail(ids.error);
  const props = checkProperties(data['properties'], true);
  if (!props.ok) return fail(props.error);
  const ut = data['update_timestamp'];
  if (ut !== undefined && !(typeof ut === 'number' && Number.isFinite(ut)))
    return fail('Invalid update_timestamp.');
  const tooBig = checkSizes(data, props.value);
  if (tooBig) return fail(tooBig);
  if (!can(p, 'customers.set')) return fail(MSG.propertiesNotAllowed);
  ctx.queue.enqueue(() => {
    const customer = ctx.store.resolve(ids.value);
    ctx.store.updateProperties(customer, props.value, ut as number | undefined);
  });
  return { success: true };
}

function addEvent(ctx: Ctx, p: Principal, data: Record<string, unknown>): CommandResult {
  const ids = checkCustomerIds(data['customer_ids'], ctx.opts.idTypes);
  if (!ids.ok) return fail(ids.error);
  const type = data['event_type'];
  if (typeof type !== 'string' || type.trim() === '') return fail(MSG.noEventType);
  const props = checkProperties(data['properties'], false);
  if (!props.ok) return fail(props.error);
  const ts = checkTimestamp(data['timestamp'], ctx.opts.now() / 1000);
  if (!ts.ok) return fail(ts.error);
  const tooBig = checkSizes(data, props.value);
  if (tooBig) return fail(tooBig);
  if (!can(p, `events.set:${type}`)) return fail(MSG.eventNotAllowed);
  ctx.queue.enqueue(() => {
    const customer = ctx.store.resolve(ids.value);
    ctx.store.addEvent(customer, type, ts.value, props.value);
  });
  return { success: true };
}

function single(ctx: Ctx, name: string) {
  return api(ctx, 'public', (req, p): SimResponse => {
    const result = runCommand(ctx, p, name, req.body);
    return { status: result.success ? 200 : ctx.opts.commandErrorStatus, body: result };
  });
}

export function addTrackingRoutes(router: Router, ctx: Ctx): void {
  const base = '/track/v2/projects/:token';
  router.get(`${base}/system/time`, single(ctx, 'system/time'));
  router.post(`${base}/system/time`, single(ctx, 'system/time'));
  router.post(`${base}/customers`, single(ctx, 'customers'));
  router.post(`${base}/customers/events`, single(ctx, 'customers/events'));
  router.post(
    `${base}/batch`,
    api(ctx, 'public', (req, p) => {
      const commands = isPlainObject(req.body) ? req.body['commands'] : undefined;
      if (!Array.isArray(commands) || commands.length === 0) return batchError('No commands');
      const over = commands.length > LIMITS.batchCommands;
      if (over && ctx.opts.overLimitBatch === 'reject') {
        return batchError(`Too many commands. A batch may contain at most ${LIMITS.batchCommands} commands.`);
      }
      const startTime = ctx.opts.now() / 1000;
      const results = commands.map((cmd, i) => {
        const c = isPlainObject(cmd) ? cmd : {};
        const result =
          i >= LIMITS.batchCommands
            ? fail(`Too many commands. A batch may contain at most ${LIMITS.batchCommands} commands.`)
            : isPlainObject(cmd)
              ? runCommand(ctx, p, c['name'], c['data'])
              : fail('Invalid command.');
        return typeof c['command_id'] === 'string' ? { ...result, command_id: c['command_id'] } : result;
      });
      return {
        status: 200,
        body: { results, start_time: startTime, end_time: ctx.opts.now() / 1000, success: true },
      };
    }),
  );
}
