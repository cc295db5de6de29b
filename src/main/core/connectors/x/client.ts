import type { z } from 'zod'
import { ConnectorError } from '../types'
import { XErrorBody } from './schemas'
import { nextTurn } from '../../next-turn'

/**
 * Where a call's access token comes from. A bearer token is fixed; an OAuth user token can be
 * renewed with its refresh token, once, when X answers 401.
 */
export interface XAuth {
  token(): Promise<string>
  /** A new access token, or null when there is no way to get one (the account must reconnect). */
  renew?(): Promise<string | null>
}

export const fixedToken = (token: string): XAuth => ({ token: () => Promise.resolve(token) })

export interface XClientConfig {
  baseUrl: string
  auth: XAuth
  now: () => number
  /** Per request; a hung provider must not hold a sync forever. */
  timeoutMs?: number
}

export interface XRequest {
  method: 'GET' | 'POST'
  path: string
  query?: Record<string, string | undefined>
  body?: unknown
}

const FIFTEEN_MINUTES = 15 * 60_000

/**
 * One X API v2 call: bearer auth, JSON in and out, every answer checked against `schema`.
 * Failures become ConnectorErrors the scheduler can act on. The only retry is the one after a 401
 * that a renewed OAuth token answers; backoff belongs to the scheduler.
 */
export async function xCall<S extends z.ZodType>(config: XClientConfig, request: XRequest, schema: S, signal: AbortSignal): Promise<z.infer<S>> {
  const first = await send(config, request, await config.auth.token(), signal)
  if (first.response.status === 401 && config.auth.renew) {
    const renewed = await config.auth.renew()
    if (renewed) return settle(config, request, schema, await send(config, request, renewed, signal))
  }
  return settle(config, request, schema, first)
}

function settle<S extends z.ZodType>(config: XClientConfig, request: XRequest, schema: S, answer: { response: Response; text: string }): z.infer<S> {
  if (!answer.response.ok) throw errorFor(answer.response, answer.text, config.now)
  return parseBody(answer.text, schema, request.path)
}

async function send(config: XClientConfig, request: XRequest, token: string, signal: AbortSignal): Promise<{ response: Response; text: string }> {
  const url = new URL(request.path, config.baseUrl)
  for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, value)
  let response: Response
  let text: string
  try {
    response = await fetch(url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMs ?? 30_000)]),
    })
    text = await response.text()
    // Reading a page and checking it are separate turns: together, on a cold start, they held the host 40–60 ms.
    await nextTurn()
  } catch (error) {
    if (signal.aborted) throw error
    throw new ConnectorError('transient', `X could not be reached (${request.method} ${request.path}): ${(error as Error).message}`)
  }
  return { response, text }
}

function parseBody<S extends z.ZodType>(text: string, schema: S, path: string): z.infer<S> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ConnectorError('malformed', `X sent a response to ${path} that is not JSON`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new ConnectorError('malformed', `X sent an unexpected response to ${path}: ${parsed.error.message.slice(0, 300)}`)
  return parsed.data
}

function errorFor(response: Response, text: string, now: () => number): ConnectorError {
  const detail = describe(text)
  if (response.status === 401) {
    return new ConnectorError('auth', 'X no longer accepts this account’s access token (expired or revoked). Reconnect the account.')
  }
  if (response.status === 429) {
    const reset = Number(response.headers.get('x-rate-limit-reset'))
    const retryAt = Number.isFinite(reset) && reset > 0 ? reset * 1000 : now() + FIFTEEN_MINUTES
    return new ConnectorError('rate-limit', `X rate limit reached (${detail}); next request at ${new Date(retryAt).toISOString()}`, retryAt)
  }
  if (response.status >= 500) return new ConnectorError('transient', `X answered ${response.status} (${detail})`)
  return new ConnectorError('rejected', `X refused the request with ${response.status}: ${detail}`)
}

function describe(text: string): string {
  try {
    const parsed = XErrorBody.safeParse(JSON.parse(text))
    if (parsed.success) {
      const body = parsed.data
      return body.detail ?? body.title ?? body.errors?.map((e) => e.message).join('; ') ?? 'no detail'
    }
  } catch {
    // Not JSON: an error page from a proxy. The status says enough.
  }
  return text.slice(0, 120) || 'empty body'
}
