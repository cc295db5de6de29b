import type { IncomingMessage, ServerResponse } from 'node:http'
import { EVENT_NAMES, type EventMap, type EventName } from '../../shared/contract'

/** What the SSE stream needs from the core. */
export interface EventFeed {
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void
}

/** Proxies and idle timers drop silent connections; a comment line every 25 s keeps it open. */
export const PING_INTERVAL_MS = 25_000

/**
 * Streams every core event to one browser as server-sent events. Returns a function that ends the
 * stream (used when the host shuts down); the stream also ends itself when the client goes away.
 */
export function streamEvents(req: IncomingMessage, res: ServerResponse, core: EventFeed): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  })
  // Flushes the headers at once so EventSource reports 'open' without waiting for the first event.
  res.write(': connected\n\n')

  const unsubscribers = EVENT_NAMES.map((name) =>
    core.on(name, (payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
    }),
  )
  const ping = setInterval(() => res.write(': ping\n\n'), PING_INTERVAL_MS)
  ping.unref()

  let ended = false
  const end = (): void => {
    if (ended) return
    ended = true
    clearInterval(ping)
    for (const unsubscribe of unsubscribers) unsubscribe()
    if (!res.writableEnded) res.end()
  }
  req.on('close', end)
  res.on('close', end)
  return end
}
