import type { CommandName, EventMap, EventName } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'

/** What both hosts offer the renderer: raw `Result`s, never thrown errors. */
export interface Transport {
  invoke(name: CommandName, arg: unknown): Promise<Result<unknown>>
  on<E extends EventName>(event: E, cb: (payload: EventMap[E]) => void): () => void
}

/** The object the Electron preload exposes through contextBridge. */
export interface EarshotBridge {
  invoke(name: string, arg: unknown): Promise<Result<unknown>>
  on(event: string, cb: (payload: unknown) => void): () => void
}

declare global {
  interface Window {
    earshot?: EarshotBridge
  }
}

function electronTransport(bridge: EarshotBridge): Transport {
  return {
    invoke: (name, arg) => bridge.invoke(name, arg),
    on: (event, cb) => bridge.on(event, (payload) => cb(payload as EventMap[typeof event])),
  }
}

/**
 * The web host: one POST per command and one shared server-sent event stream.
 * Auth is an HttpOnly cookie the server set, so nothing secret lives in script.
 */
function webTransport(): Transport {
  let source: EventSource | null = null
  const stream = (): EventSource => {
    source ??= new EventSource('/events')
    return source
  }

  return {
    async invoke(name, arg) {
      let response: Response
      try {
        response = await fetch('/api/' + name, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(arg),
          credentials: 'same-origin',
        })
      } catch (error) {
        return { ok: false, error: { code: 'NETWORK', message: String(error) } }
      }
      try {
        return (await response.json()) as Result<unknown>
      } catch {
        // A proxy error page or an empty body: still answer with a Result the UI can show.
        const code = response.status === 401 || response.status === 403 ? 'AUTH_EXPIRED' : 'UNAVAILABLE'
        return { ok: false, error: { code, message: `HTTP ${response.status}` } }
      }
    },
    on(event, cb) {
      const listener = (e: MessageEvent<string>): void => {
        try {
          cb(JSON.parse(e.data) as EventMap[typeof event])
        } catch (error) {
          console.error(`earshot: bad ${event} event`, error)
        }
      }
      const es = stream()
      es.addEventListener(event, listener)
      return () => es.removeEventListener(event, listener)
    },
  }
}

export function pickTransport(): Transport {
  return window.earshot ? electronTransport(window.earshot) : webTransport()
}
