import type { ServerResponse } from 'node:http'
import { CONTENT_SECURITY_POLICY } from '../security/csp'

/** Sent on every response, including refusals, so no page from this host is ever framed or sniffed. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
  // Everything here is private data behind a token; caches may keep only hashed assets (static.ts).
  res.setHeader('Cache-Control', 'no-store')
}

/**
 * Transport-level refusals (auth, host, size, routing) use the same `{ ok:false, error }` shape as a
 * command `Result`, so a client can show one kind of error; their codes are HTTP-level, not the
 * contract's closed set, because no command ran.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } })
}
