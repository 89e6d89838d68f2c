// Runs everywhere. Owns: the shape of `window.api` (and of the browser host's client): one function per
// channel, grouped by domain, plus `on(event, listener)` returning an unsubscribe function.
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload, Result } from './index.js';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type ActionOf<C extends string, D extends string> = C extends `${D}:${infer A}` ? A : never;

type ChannelFn<C extends ChannelName> = (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

export type DomainApi<D extends string> = {
  [A in ActionOf<ChannelName, D>]: ChannelFn<Extract<ChannelName, `${D}:${A}`>>;
};

export type Api = { [D in DomainOf<ChannelName>]: DomainApi<D> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** The transport under an Api: Electron IPC in the preload, a WebSocket in the browser host. */
export interface Transport {
  invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}
