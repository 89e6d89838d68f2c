// Runs in: Electron main (plain: takes Electron's invoke event as data, so Node tests drive it). Owns: the
// sender-frame check every IPC call passes before its input is parsed, then the hand-off to dispatch.
import { fail, type ChannelName, type Result } from '../../shared/contract/index.js';
import { dispatch, type Handlers } from '../api/dispatch.js';
import type { Logger } from '../core/logger.js';
import { APP_ORIGIN, isAppUrl } from './app-url.js';

/** What the check reads from Electron's IpcMainInvokeEvent. */
export interface InvokeEventLike {
  sender: { id: number };
  /** WebFrameMain: null once the frame navigated away or was destroyed. */
  senderFrame: { url: string; parent: unknown } | null;
}

/** Why a call was refused, or undefined when the sender is the app's own main frame in a known window. */
export function senderRefusal(
  event: InvokeEventLike,
  isKnownSender: (id: number) => boolean,
): string | undefined {
  if (!isKnownSender(event.sender.id)) return 'the call came from a window Storebridge did not create';
  const frame = event.senderFrame;
  if (!frame) return 'the calling frame is gone';
  if (frame.parent !== null) return 'the call came from a subframe';
  if (!isAppUrl(frame.url)) return `the calling page is not ${APP_ORIGIN}`;
  return undefined;
}

export interface IpcCoreOptions {
  handlers: Handlers;
  isKnownSender(id: number): boolean;
  logger?: Logger;
}

export type IpcCall = (
  channel: ChannelName,
  event: InvokeEventLike,
  rawInput: unknown,
) => Promise<Result<unknown>>;

export function createIpcCore({ handlers, isKnownSender, logger }: IpcCoreOptions): IpcCall {
  return async (channel, event, rawInput) => {
    const refusal = senderRefusal(event, isKnownSender);
    if (refusal) {
      // Logged without the input: a hostile frame's payload is not worth keeping and may be large.
      logger?.log('warn', `ipc ${channel} refused`, { reason: refusal, url: event.senderFrame?.url });
      return fail('forbidden', `Refused ${channel}: ${refusal}.`);
    }
    return dispatch(handlers, channel, rawInput, logger);
  };
}
