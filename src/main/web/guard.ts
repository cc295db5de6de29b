import crypto from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Who may talk to the web host. The host listens on loopback only, but any local process and any
 * web page the user visits can reach loopback, so three checks stand guard:
 * - Host must name our loopback address and port: a DNS-rebinding page has a foreign Host.
 * - Origin, when sent, must be our own: a foreign page's fetch carries its origin.
 * - A per-start secret token, as a Bearer header (CLI, tests) or an HttpOnly cookie (the browser).
 */

export const TOKEN_COOKIE = 'earshot_token'

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase())
}

/** A missing Origin is fine (same-origin GETs, curl); a present one must be ours — 'null' is not. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  return [...allowedHosts(port)].some((host) => origin.toLowerCase() === `http://${host}`)
}

/**
 * Constant-time comparison. Hashing first gives equal-length buffers, so neither the content nor
 * the length of the secret leaks through timing.
 */
export function tokensMatch(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined) return false
  const a = crypto.createHash('sha256').update(candidate).digest()
  const b = crypto.createHash('sha256').update(token).digest()
  return crypto.timingSafeEqual(a, b)
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return match?.[1]
}

export function isAuthorised(req: IncomingMessage, token: string): boolean {
  return (
    tokensMatch(bearer(req.headers.authorization), token) ||
    tokensMatch(readCookie(req.headers.cookie, TOKEN_COOKIE), token)
  )
}

/** No `Secure`: the host is plain http on loopback. Strict same-site keeps other sites from using it. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
}
