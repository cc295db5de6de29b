import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody, sendJson } from './http'

/** `"METHOD /_control/…"` → what it does with the JSON body; the return value is sent back as JSON. */
export type ControlRoutes = Record<string, (body: Record<string, unknown>) => unknown>

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/**
 * The test control surface over HTTP, for processes that cannot reach the in-process `control`
 * object (e2e tests driving `earshot serve`). Loopback only; no token; never logged as API traffic.
 * Returns false when the request is not for /_control, so the provider routes handle it.
 */
export async function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string, routes: ControlRoutes): Promise<boolean> {
  if (!pathname.startsWith('/_control/')) return false
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    sendJson(res, 403, { error: 'The emulator control API answers on loopback only.' })
    return true
  }
  const handler = routes[`${req.method ?? 'GET'} ${pathname}`]
  if (!handler) {
    sendJson(res, 404, { error: `No control route ${req.method} ${pathname}. Routes: ${Object.keys(routes).join(', ')}` })
    return true
  }
  const text = req.method === 'POST' ? await readBody(req) : ''
  let body: unknown = {}
  try {
    body = text ? JSON.parse(text) : {}
  } catch {
    sendJson(res, 400, { error: 'The body must be JSON.' })
    return true
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    sendJson(res, 400, { error: 'The body must be a JSON object.' })
    return true
  }
  sendJson(res, req.method === 'POST' ? 201 : 200, handler(body as Record<string, unknown>))
  return true
}

export const optionalString = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined)
