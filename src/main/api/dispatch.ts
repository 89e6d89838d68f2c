// Runs in: main (Electron-free). Owns: the one place a channel call is parsed, run and wrapped in the
// result envelope. Every binding (Electron IPC, browser host, CLI, tests) calls through here.
import {
  channels,
  fail,
  ok,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
  type Result,
} from '../../shared/contract/index.js';
import { isAppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { fileSystemRefusal } from './fs-errors.js';

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  logger?: Logger,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return fail('invalid_input', `Unknown channel ${JSON.stringify(channel)}`);
  const spec = channels[channel];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '(input)'] ??= issue.message;
    const summary = Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ');
    return fail('invalid_input', `Invalid input for ${channel}: ${summary}`, { fields });
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    // Parsing the output strips fields the contract does not name, so nothing extra reaches the renderer.
    return ok(spec.output.parse(value));
  } catch (err) {
    if (isAppError(err)) return { ok: false, error: err.toShape() };
    const refusal = fileSystemRefusal(err);
    if (refusal) return { ok: false, error: refusal.toShape() };
    logger?.log('error', `channel ${channel} failed`, {
      error: err instanceof Error ? err.stack : String(err),
    });
    return fail(
      'internal',
      `Something went wrong in ${channel}. The details are in the log; please report it.`,
      {
        retryable: true,
      },
    );
  }
}
