// Runs in: main (Electron-free). Owns: the typed push-event bus every binding forwards to its renderer.
import type { EventName, EventPayload } from '../../shared/contract/index.js';
import { eventNames } from '../../shared/contract/names.js';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners.get(event) ?? []) {
      try {
        (l as Listener<E>)(payload);
      } catch (err) {
        console.error(`listener for ${event} failed`, err);
      }
    }
  }

  /** Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  /** Subscribes to every event; used by bindings that forward all events to a renderer. */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void {
    const offs = eventNames.map((e) => this.on(e, (p) => listener(e, p)));
    return () => offs.forEach((off) => off());
  }
}
