import type { EventMap, EventName } from '../../shared/contract'

type Listener<E extends EventName> = (payload: EventMap[E]) => void

/** In-process event bus; hosts forward what it emits over IPC or server-sent events. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>()

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set()
    set.add(listener as Listener<EventName>)
    this.listeners.set(event, set)
    return () => set.delete(listener as Listener<EventName>)
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload)
      } catch (error) {
        // One broken subscriber (a closed SSE stream, say) must not stop the others.
        console.error(`earshot: a listener for ${event} failed:`, error)
      }
    }
  }
}
