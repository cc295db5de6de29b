import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { EventMap, EventName } from '../shared/contract'
import type { Result } from '../shared/errors'

/**
 * The renderer's only door to the main process: invoke(name, arg) and on(event, cb), nothing else.
 * Runs sandboxed, so it is bundled as CommonJS and may import only 'electron' at runtime — which
 * is why the event names are listed here (a type-only import of the contract keeps zod out of the
 * bundle) and checked against the contract at compile time below.
 */

const INVOKE_CHANNEL = 'earshot:invoke'
const EVENT_CHANNEL = 'earshot:event'

const EVENTS = [
  'db:changed',
  'sync:progress',
  'account:state',
  'import:progress',
  'app:menu',
  'alert:raised',
] as const satisfies readonly EventName[]
// Fails to compile when the contract gains an event this list lacks.
type MissingEvents = Exclude<EventName, (typeof EVENTS)[number]>
const everyEventListed: [MissingEvents] extends [never] ? true : MissingEvents = true
void everyEventListed

const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && (EVENTS as readonly string[]).includes(value)

const bridge = {
  invoke(name: string, arg: unknown): Promise<Result<unknown>> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, arg) as Promise<Result<unknown>>
  },
  on<E extends EventName>(event: E, callback: (payload: EventMap[E]) => void): () => void {
    if (!isEventName(event)) throw new TypeError(`Unknown Earshot event: ${String(event)}`)
    if (typeof callback !== 'function') throw new TypeError('on() needs a callback')
    // The IPC event object is never handed to the page: it would expose `sender`.
    const listener = (_ipc: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) callback(payload as EventMap[E])
    }
    ipcRenderer.on(EVENT_CHANNEL, listener)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener)
    }
  },
}

export type EarshotBridge = typeof bridge

contextBridge.exposeInMainWorld('earshot', bridge)
