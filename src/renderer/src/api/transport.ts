import type { CommandName, EventMap, EventName } from '../../../shared/contract'
import { isErrorCode, type ErrorBody, type ErrorCode, type Result } from '../../../shared/errors'

/**
 * The live link to the core: 'connecting' until it first opens, then 'connected'; 'reconnecting'
 * while it retries after a drop; 'lost' when it gave up (the web host restarted with a new token).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'lost'

/** What both hosts offer the renderer: raw `Result`s, never thrown errors. */
export interface Transport {
  invoke(name: CommandName, arg: unknown): Promise<Result<unknown>>
  on<E extends EventName>(event: E, cb: (payload: EventMap[E]) => void): () => void
  /** Reports the link's state now and on every change; absent where the link cannot drop (Electron IPC). */
  onConnection?(cb: (state: ConnectionState) => void): () => void
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
  let state: ConnectionState = 'connecting'
  const watchers = new Set<(state: ConnectionState) => void>()
  const moveTo = (next: ConnectionState): void => {
    if (next === state) return
    state = next
    for (const watcher of watchers) watcher(next)
  }
  const stream = (): EventSource => {
    if (source) return source
    const es = new EventSource('/events')
    es.addEventListener('open', () => moveTo('connected'))
    // EventSource retries by itself (CONNECTING) unless the server refused it for good (CLOSED).
    es.addEventListener('error', () =>
      moveTo(es.readyState === EventSource.CLOSED ? 'lost' : state === 'connecting' ? 'connecting' : 'reconnecting'),
    )
    source = es
    return es
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
      let body: unknown
      try {
        body = await response.json()
      } catch {
        // A proxy error page or an empty body: still answer with a Result the UI can show.
        body = null
      }
      return resultOf(response.status, body)
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
    onConnection(cb) {
      stream()
      watchers.add(cb)
      cb(state)
      return () => watchers.delete(cb)
    },
  }
}

/**
 * What the web host answered, as a Result whose error code is always one of the contract's: the
 * renderer translates codes (errors.*), so a refusal the host made itself ('AUTH' for a stale token,
 * 'TOO_LARGE', …) or a body that is no Result at all must not reach it as a code it cannot phrase.
 */
export function resultOf(status: number, body: unknown): Result<unknown> {
  const result = body as Partial<Result<unknown>> | null
  if (result?.ok === true && 'value' in result) return { ok: true, value: result.value }
  const error = result?.ok === false ? (result.error as Partial<ErrorBody> | undefined) : undefined
  const code: ErrorCode = isErrorCode(error?.code) ? error.code : codeForStatus(status)
  return { ok: false, error: { code, message: typeof error?.message === 'string' ? error.message : `HTTP ${status}` } }
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'AUTH_EXPIRED'
  if (status === 404) return 'NOT_FOUND'
  if (status === 400 || status === 405 || status === 413) return 'INVALID'
  return 'UNAVAILABLE'
}

export function pickTransport(): Transport {
  return window.earshot ? electronTransport(window.earshot) : webTransport()
}
