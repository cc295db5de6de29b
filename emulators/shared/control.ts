import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody, sendJson, type Fault } from './http'

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
  let result: unknown
  try {
    result = handler(body as Record<string, unknown>)
  } catch (error) {
    if (!(error instanceof ControlRequestError)) throw error
    sendJson(res, 400, { error: error.message })
    return true
  }
  sendJson(res, req.method === 'POST' ? 201 : 200, result)
  return true
}

/** Thrown by a control route whose body asks for something it cannot do: answered with 400. */
export class ControlRequestError extends Error {}

export const optionalString = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined)

const FAULT_KINDS = new Set<Fault['kind']>(['rate-limit', 'server-error', 'delay', 'malformed', 'expired-token', 'revoked-permission', 'unreachable'])

/**
 * Faults over HTTP, for a test in another process: `POST /_control/faults {route?, fault, times?}`
 * scripts `fault` for the next `times` requests on `route` (default '*': every route);
 * `DELETE /_control/faults` clears every scripted fault (the provider is back).
 */
export function faultControlRoutes(faults: { add(route: string, fault: Fault, times?: number): void; clear(): void }): ControlRoutes {
  return {
    'POST /_control/faults': (body) => {
      const fault = body.fault as Fault | undefined
      if (typeof fault !== 'object' || fault === null || !FAULT_KINDS.has(fault.kind)) {
        throw new ControlRequestError(`fault.kind must be one of: ${[...FAULT_KINDS].join(', ')}`)
      }
      const times = typeof body.times === 'number' && Number.isInteger(body.times) && body.times > 0 ? body.times : 1
      const route = optionalString(body.route) ?? '*'
      faults.add(route, fault, times)
      return { data: { route, fault, times } }
    },
    'DELETE /_control/faults': () => {
      faults.clear()
      return { data: null }
    },
  }
}
